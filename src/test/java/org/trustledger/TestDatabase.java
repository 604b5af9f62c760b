package org.trustledger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

@io.quarkus.test.common.WithTestResource(value = TestDatabase.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
/** Creates the test database on first use, exactly as the application does for its own. */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String URL = System.getProperty("trustledger.test.jdbc-url", "jdbc:postgresql://localhost:5432/trustledger_test");

    @Override
    public Map<String, String> start() {
        DatabaseBootstrap.ensureDatabaseExists(new DatabaseSettings(URL, "postgres", ""));
        return Map.of("quarkus.datasource.jdbc.url", URL);
    }

    @Override
    public void stop() {
    }
}
