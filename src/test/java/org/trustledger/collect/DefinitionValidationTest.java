package org.trustledger.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.config.ConfigFileException;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.policies.Policy;
import org.trustledger.policies.PolicyLibrary;
import org.trustledger.system.SystemDescription;

/** Start-up validation of collector definitions and policy front matter: every class of problem, with its exact message. */
@QuarkusTest
class DefinitionValidationTest {

    static final String BASE = """
            id: %s
            type: command
            description: d
            schedule: "0 0 * * * ?"
            freshness: PT2H
            severity: low
            controls: ["ISO27001:A.8.16", "SOC2:CC7.2"]
            params:
              argv: ["/usr/bin/true"]
            """;

    @Inject
    CollectorRegistry registry;
    @Inject
    ControlCatalog catalog;
    @Inject
    SystemDescription system;
    @Inject
    Clock clock;

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws Exception {
        Files.writeString(dir.resolve("c.yaml"), yaml);
        var e = assertThrows(ConfigFileException.class,
                () -> new DefinitionLoader(registry.types(), catalog::isKnown).load(dir));
        return e.problems();
    }

    private String f() {
        return dir.resolve("c.yaml") + ": ";
    }

    @Test
    void aValidDefinitionLoads() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), BASE.formatted("ok-one"));
        CollectorDefinition d = new DefinitionLoader(registry.types(), catalog::isKnown).load(dir).get(0);
        assertEquals("ok-one", d.id());
        assertEquals(java.time.Duration.ofSeconds(30), d.timeout());
    }

    @Test
    void unknownType() throws Exception {
        assertEquals(List.of(f() + "type: unknown type 'nope'; known: access-review, breach-sla, command, consent-register,"
                + " dpia-register, dsr-deadlines, file-baseline, http-probe, manual, policy-currency, privacy-notice-currency, pushed, residency, ropa-currency, sql-check, subprocessor-review,"
                + " test-throws, tia-currency"), problems(BASE.formatted("x1").replace("type: command", "type: nope")));
    }

    @Test
    void badCron() throws Exception {
        assertEquals(List.of(f() + "schedule: invalid Quartz cron expression '0 0 25 * * ?': Hour values must be between 0 and 23"),
                problems(BASE.formatted("x1").replace("0 0 * * * ?", "0 0 25 * * ?")));
        assertEquals(List.of(f() + "schedule: invalid Quartz cron expression '0 0 * * *': Unexpected end of expression."),
                problems(BASE.formatted("x1").replace("0 0 * * * ?", "0 0 * * *")));
    }

    @Test
    void unknownControlId() throws Exception {
        assertEquals(List.of(f() + "controls[1]: unknown control ID 'SOC2:CC9.9'"),
                problems(BASE.formatted("x1").replace("SOC2:CC7.2", "SOC2:CC9.9")));
    }

    @Test
    void missingIllTypedAndUnknownParams() throws Exception {
        assertEquals(List.of(f() + "params.argv: is required (a list of strings: absolute path of an allow-listed executable, then its arguments)"),
                problems(BASE.formatted("x1").replace("  argv: [\"/usr/bin/true\"]", "  expect_exit_code: 0")));
        assertEquals(List.of(f() + "params.argv: must be a list of strings, got a string"),
                problems(BASE.formatted("x1").replace("[\"/usr/bin/true\"]", "/usr/bin/true")));
        assertEquals(List.of(f() + "params.shell: unknown parameter; this type accepts argv, expect_exit_code, stdout_contains, stdout_not_contains"),
                problems(BASE.formatted("x1") + "  shell: true\n"));
        assertEquals(List.of(f() + "params.argv[0]: '/bin/rm' is not in trustledger.collectors.command-allowlist"),
                problems(BASE.formatted("x1").replace("/usr/bin/true", "/bin/rm")));
        assertEquals(List.of(f() + "params.expect.rows: must be a non-negative integer"),
                problems(BASE.formatted("x1").replace("type: command", "type: sql-check")
                        .replace("  argv: [\"/usr/bin/true\"]", "  query: SELECT 1\n  expect: {rows: many}")));
        assertEquals(List.of(f() + "params.files.a.txt: 'abc' is not a SHA-256 (64 lowercase hex digits)"),
                problems(BASE.formatted("x1").replace("type: command", "type: file-baseline")
                        .replace("  argv: [\"/usr/bin/true\"]", "  files: {a.txt: abc}")));
        assertEquals(List.of(f() + "params.policies[0]: no policy with id 'nope' in policies"),
                problems(BASE.formatted("x1").replace("type: command", "type: policy-currency")
                        .replace("  argv: [\"/usr/bin/true\"]", "  policies: [nope]")));
    }

    @Test
    void registerCollectorParamsAreCheckedAtStartUp() throws Exception {
        String base = BASE.formatted("x1").replace("  argv: [\"/usr/bin/true\"]", "%s");
        assertEquals(List.of(f() + "params.audiences[1]: unknown audience 'visitors'; one of applicants, customers, staff, website_visitors"),
                problems(base.replace("type: command", "type: privacy-notice-currency").formatted("  audiences: [customers, visitors]")));
        assertEquals(List.of(f() + "params.audiences: must name at least one audience"),
                problems(base.replace("type: command", "type: privacy-notice-currency").formatted("  audiences: []")));
        assertEquals(List.of(f() + "params.activities[0]: no processing activity with id 'nope' in the system description"),
                problems(base.replace("type: command", "type: dpia-register").formatted("  activities: [nope]")));
        assertEquals(List.of(f() + "params.max_age_days: must be from 1 to 3650"),
                problems(base.replace("type: command", "type: tia-currency").formatted("  max_age_days: 0")));
        assertEquals(List.of(f() + "params.warn_days: must be from 0 to 90"),
                problems(base.replace("type: command", "type: dsr-deadlines").formatted("  warn_days: 365")));
        assertEquals(List.of(f() + "params.max_age_days: unknown parameter; this type accepts none"),
                problems(base.replace("type: command", "type: residency").formatted("  max_age_days: 3")));
    }

    @Test
    void sqlOtherThanASingleSelectIsRefused() throws Exception {
        String sql = BASE.formatted("x1").replace("type: command", "type: sql-check")
                .replace("  argv: [\"/usr/bin/true\"]", "  query: \"%s\"\n  expect: {rows: 0}");
        assertEquals(List.of(f() + "params.query: must start with SELECT or WITH"), problems(sql.formatted("DELETE FROM gap")));
        assertEquals(List.of(f() + "params.query: must be a single statement (a semicolon is allowed only at the very end)"),
                problems(sql.formatted("SELECT 1; DROP TABLE gap")));
        assertEquals(List.of(f() + "params.query: must be read-only, but contains 'DELETE'"),
                problems(sql.formatted("WITH d AS (DELETE FROM gap RETURNING id) SELECT id FROM d")));
        assertEquals(List.of(f() + "params.query: must be read-only, but contains 'INTO'"),
                problems(sql.formatted("SELECT * INTO copy_of_gap FROM gap")));
        assertEquals(List.of(f() + "params.query: must not call pg_sleep()"), problems(sql.formatted("SELECT pg_sleep(10)")));
        assertEquals(List.of(f() + "params.query: must not contain SQL comments"), problems(sql.formatted("SELECT 1 -- ;")));
    }

    @Test
    void duplicateIdsUnknownFieldsAndYamlErrors() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), BASE.formatted("same"));
        Files.writeString(dir.resolve("b.yaml"), BASE.formatted("same"));
        var dup = assertThrows(ConfigFileException.class,
                () -> new DefinitionLoader(registry.types(), catalog::isKnown).load(dir));
        assertEquals(List.of(dir.resolve("b.yaml") + ": id: duplicate id 'same', also defined in " + dir.resolve("a.yaml")), dup.problems());
        Files.delete(dir.resolve("a.yaml"));
        Files.delete(dir.resolve("b.yaml"));
        assertEquals(List.of(f() + "owner: unknown field; allowed: controls, description, freshness, id, params, schedule, severity, timeout, type"),
                problems(BASE.formatted("x1") + "owner: me\n"));
        List<String> yaml = problems("id: [unclosed\ntype: command\n");
        assertEquals(1, yaml.size());
        assertTrue(yaml.get(0).startsWith(f() + "line "), yaml.get(0));
        assertEquals(List.of(f() + "id: duplicate key (again at line 2, column 3)"),
                problems("id: a\nid: b\n"));
    }

    @Test
    void durationsSeverityAndTimeout() throws Exception {
        assertEquals(List.of(f() + "freshness: PT30M is shorter than the longest interval between scheduled runs (PT1H),"
                + " so the evidence would go stale between runs"), problems(BASE.formatted("x1").replace("PT2H", "PT30M")));
        assertEquals(List.of(f() + "freshness: 'daily' is not an ISO-8601 duration such as P1D or PT6H"),
                problems(BASE.formatted("x1").replace("PT2H", "daily")));
        assertEquals(List.of(f() + "timeout: must be between PT1S and PT300S (5 minutes), got PT10M"),
                problems(BASE.formatted("x1") + "timeout: PT10M\n"));
        assertEquals(List.of(f() + "severity: 'urgent' must be one of low, medium, high, critical"),
                problems(BASE.formatted("x1").replace("severity: low", "severity: urgent")));
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "id: A\ntype: nope\n");
        Files.writeString(dir.resolve("b.yaml"), BASE.formatted("fine").replace("SOC2:CC7.2", "SOC2:CC0.0"));
        var e = assertThrows(ConfigFileException.class,
                () -> new DefinitionLoader(registry.types(), catalog::isKnown).load(dir));
        String a = dir.resolve("a.yaml") + ": ";
        assertEquals(List.of(
                a + "id: 'A' must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit",
                a + "description: is required",
                a + "type: unknown type 'nope'; known: access-review, breach-sla, command, consent-register, dpia-register, dsr-deadlines,"
                        + " file-baseline, http-probe, manual, policy-currency, privacy-notice-currency, pushed, residency, ropa-currency,"
                        + " sql-check, subprocessor-review, test-throws, tia-currency",
                a + "schedule: is required",
                a + "controls: is required (a list of control IDs such as ISO27001:A.5.1)",
                a + "freshness: is required (an ISO-8601 duration such as P1D or PT6H)",
                a + "severity: is required",
                dir.resolve("b.yaml") + ": controls[1]: unknown control ID 'SOC2:CC0.0'"), e.problems());
        // The registry turns the same problems into the ConfigurationException Quarkus prints as bare lines.
        var ce = assertThrows(ConfigurationException.class, () -> new CollectorRegistry(dir,
                Arc.container().select(CollectorType.class, Any.Literal.INSTANCE), catalog));
        assertEquals(String.join("\n", e.problems()), ce.getMessage());
    }

    @Test
    void shippedCollectorsLoadAndCoverTheApplicableControls() {
        List<CollectorDefinition> shipped = new DefinitionLoader(registry.types(), catalog::isKnown).load(Path.of("collectors"));
        assertTrue(shipped.size() >= 35, "shipped " + shipped.size());
        for (CollectorDefinition d : shipped) {
            assertTrue(d.controls().stream().anyMatch(c -> c.startsWith("ISO27001:")), d.id());
            assertTrue(d.controls().stream().anyMatch(c -> c.startsWith("SOC2:") || c.startsWith("GDPR:")), d.id());
            assertTrue(d.type().equals(d.id()) || !d.type().equals("test-throws"), d.id());
        }
        Set<String> tagged = shipped.stream().flatMap(d -> d.controls().stream()).collect(Collectors.toSet());
        var iso = catalog.framework("iso27001").orElseThrow().controls().stream().filter(c -> system.isApplicable(c.id())).toList();
        var soc2 = catalog.framework("soc2").orElseThrow().controls();
        assertEquals(83, iso.size());
        assertEquals(83, iso.stream().filter(c -> tagged.contains(c.id())).count(), "applicable ISO controls covered");
        assertEquals(43, soc2.stream().filter(c -> tagged.contains(c.id())).count(), "SOC 2 criteria covered");
        var gdpr = catalog.framework("gdpr").orElseThrow().controls().stream().filter(c -> system.isApplicable(c.id())).toList();
        assertEquals(25, gdpr.size());
        assertEquals(List.of(), gdpr.stream().map(c -> c.id()).filter(id -> !tagged.contains(id)).toList(), "applicable GDPR articles not covered");
    }

    @Test
    void policiesValidateAndExactlyTheSampleOneIsOverdue() throws Exception {
        PolicyLibrary shipped = new PolicyLibrary(Path.of("policies"), catalog, clock);
        assertEquals(11, shipped.policies().size());
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 25);
        assertEquals(List.of("business-continuity"), shipped.policies().stream().filter(p -> p.isOverdueOn(today)).map(Policy::id).toList());
        Files.writeString(dir.resolve("bad.md"), Files.readString(Path.of("policies/retention.md")).replace("SOC2:CC6.5", "SOC2:CC6.99"));
        Files.writeString(dir.resolve("none.md"), "# No front matter\n");
        var e = assertThrows(ConfigurationException.class, () -> new PolicyLibrary(dir, catalog, clock));
        assertEquals(dir.resolve("bad.md") + ": controls[2]: unknown control ID 'SOC2:CC6.99'\n"
                + dir.resolve("none.md") + ": (document): must start with YAML front matter between two '---' lines", e.getMessage());
    }
}
