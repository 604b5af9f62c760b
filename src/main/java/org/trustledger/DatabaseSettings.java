package org.trustledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * The datasource coordinates as Quarkus will resolve them (system property, then environment
 * variable, then application.properties), read before Quarkus has started.
 */
public record DatabaseSettings(String jdbcUrl, String username, String password) {

    public static DatabaseSettings fromEnvironment() {
        Properties defaults = new Properties();
        try (InputStream in = DatabaseSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DatabaseSettings(
                lookup("quarkus.datasource.jdbc.url", defaults),
                lookup("quarkus.datasource.username", defaults),
                lookup("quarkus.datasource.password", defaults));
    }

    private static String lookup(String key, Properties defaults) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value != null ? value : defaults.getProperty(key, "");
    }
}
