package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorsConfig;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * One read-only SELECT against the platform's own database or a configured JDBC source, judged by an
 * expectation on its rows. The text is checked conservatively at start-up (a single SELECT or WITH …
 * SELECT, nothing that writes); the real guard is the read-only transaction with a statement timeout
 * that every run executes in.
 */
@ApplicationScoped
public class SqlCheckCollector extends BaseCollectorType {

    static final List<String> EXPECTATIONS = List.of("rows", "min_rows", "max_rows", "scalar_equals");
    static final int MAX_COUNTED_ROWS = 100_000;
    // Words that write, change session state or escape the transaction. Matched anywhere (string literals
    // included): refusing a harmless query is better than running a harmful one.
    private static final Pattern FORBIDDEN_WORDS = Pattern.compile("\\b(insert|update|delete|merge|truncate|drop|alter|create|grant"
            + "|revoke|copy|call|do|lock|vacuum|analyze|reindex|cluster|refresh|comment|set|reset|listen|notify|unlisten|prepare"
            + "|execute|deallocate|discard|into|begin|commit|rollback|savepoint|checkpoint|load|import|security)\\b",
            Pattern.CASE_INSENSITIVE);
    // Functions that act outside the transaction (signals, files, large objects, settings, sleeping).
    private static final Pattern FORBIDDEN_FUNCTIONS = Pattern.compile("\\b(pg_terminate_backend|pg_cancel_backend|pg_reload_conf"
            + "|pg_rotate_logfile|pg_read_file|pg_read_binary_file|pg_ls_\\w+|pg_stat_file|lo_\\w+|dblink\\w*|set_config|pg_advisory\\w*"
            + "|pg_switch_wal|pg_create_\\w+|pg_drop_\\w+|pg_promote|pg_file_\\w+|pg_sleep\\w*|pg_logical_\\w+|pg_replication_\\w+"
            + "|txid_\\w+|pg_export_snapshot|nextval|setval)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern START = Pattern.compile("^(select|with)\\b", Pattern.CASE_INSENSITIVE);

    private static final Param SAMPLE_ROWS = Param.integer("sample_rows", 0, 100, 20, "rows kept in the evidence payload, 0-100");

    private final DataSource db;
    private final CollectorsConfig config;

    public SqlCheckCollector(DataSource db, CollectorsConfig config) {
        super("sql-check", Param.required("query", Param.Kind.STRING, "a single SELECT (or WITH … SELECT)"),
                Param.required("expect", Param.Kind.OBJECT, "exactly one of rows, min_rows, max_rows (integers) or scalar_equals"),
                Param.optional("source", Param.Kind.STRING, "name of a JDBC source under trustledger.collectors.jdbc; default: the platform's database"),
                SAMPLE_ROWS);
        this.db = db;
        this.config = config;
    }

    /** Null when the text is an acceptable single read-only query, otherwise why not. */
    public static String refusal(String query) {
        String q = query.strip();
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        if (q.contains(";")) {
            return "must be a single statement (a semicolon is allowed only at the very end)";
        }
        if (q.contains("--") || q.contains("/*")) {
            return "must not contain SQL comments";
        }
        if (q.contains("$")) {
            return "must not contain dollar quoting or positional parameters";
        }
        if (!START.matcher(q).find()) {
            return "must start with SELECT or WITH";
        }
        Matcher m = FORBIDDEN_WORDS.matcher(q);
        if (m.find()) {
            return "must be read-only, but contains '" + m.group(1).toUpperCase(Locale.ROOT) + "'";
        }
        Matcher f = FORBIDDEN_FUNCTIONS.matcher(q);
        if (f.find()) {
            return "must not call " + f.group(1) + "()";
        }
        if (q.toLowerCase(Locale.ROOT).startsWith("with") && !Pattern.compile("\\)\\s*select\\b", Pattern.CASE_INSENSITIVE).matcher(q).find()) {
            return "a WITH query must end in a SELECT";
        }
        return null;
    }

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        String why = refusal(params.get("query").asText());
        if (why != null) {
            problems.add("params.query", why);
        }
        JsonNode expect = params.get("expect");
        List<String> names = new ArrayList<>();
        expect.fieldNames().forEachRemaining(names::add);
        if (names.size() != 1 || !EXPECTATIONS.contains(names.get(0))) {
            problems.add("params.expect", "must have exactly one of " + String.join(", ", EXPECTATIONS) + "; got " + names);
        } else if (!names.get(0).equals("scalar_equals")) {
            JsonNode n = expect.get(names.get(0));
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
                problems.add("params.expect." + names.get(0), "must be a non-negative integer");
            }
        } else if (!expect.get("scalar_equals").isValueNode() || expect.get("scalar_equals").isNull()) {
            problems.add("params.expect.scalar_equals", "must be a string, number or boolean");
        }
        if (params.has("source") && !config.jdbc().containsKey(params.get("source").asText())) {
            problems.add("params.source", "no JDBC source '" + params.get("source").asText() + "' is configured (trustledger.collectors.jdbc."
                    + params.get("source").asText() + ".url)");
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        JsonNode p = d.params();
        String query = p.get("query").asText().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        String source = p.has("source") ? p.get("source").asText() : null;
        int sample = SAMPLE_ROWS.intIn(p);
        long timeoutMs = Math.max(100, Duration.between(ctx.now(), ctx.deadline()).toMillis() - 500);
        ObjectNode payload = CollectorResult.object();
        payload.put("source", source == null ? "default" : source);
        payload.put("query", query);
        payload.put("statement_timeout_ms", timeoutMs);
        int count = 0;
        Object scalar = null;
        try (Connection c = connect(source)) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                    s.execute("SET LOCAL statement_timeout = " + timeoutMs);
                }
                try (PreparedStatement s = c.prepareStatement(query)) {
                    s.setMaxRows(MAX_COUNTED_ROWS + 1);
                    try (ResultSet rs = s.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        ArrayNode cols = payload.putArray("columns");
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            cols.add(md.getColumnLabel(i));
                        }
                        ArrayNode rows = payload.putArray("rows");
                        while (rs.next()) {
                            if (count == 0) {
                                scalar = rs.getObject(1);
                            }
                            if (count < sample) {
                                ArrayNode row = rows.addArray();
                                for (int i = 1; i <= md.getColumnCount(); i++) {
                                    put(row, rs.getObject(i));
                                }
                            }
                            count++;
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        payload.put("row_count", count);
        JsonNode expect = p.get("expect");
        String kind = expect.fieldNames().next();
        JsonNode want = expect.get(kind);
        payload.set("expect", expect);
        boolean ok;
        String detail;
        switch (kind) {
            case "rows" -> {
                ok = count == want.asInt();
                detail = count + " rows, expected exactly " + want.asInt();
            }
            case "min_rows" -> {
                ok = count >= want.asInt();
                detail = count + " rows, expected at least " + want.asInt();
            }
            case "max_rows" -> {
                ok = count <= want.asInt();
                detail = count + " rows, expected at most " + want.asInt();
            }
            default -> {
                ok = count == 1 && scalarEquals(scalar, want);
                detail = count != 1 ? count + " rows, expected one row with value " + want.asText()
                        : "value " + scalar + ", expected " + want.asText();
            }
        }
        return ok ? CollectorResult.pass(detail, payload) : CollectorResult.fail(detail, payload);
    }

    private Connection connect(String source) throws SQLException {
        if (source == null) {
            return db.getConnection();
        }
        CollectorsConfig.JdbcSource s = config.jdbc().get(source);
        Properties props = new Properties();
        s.username().ifPresent(u -> props.setProperty("user", u));
        s.password().ifPresent(pw -> props.setProperty("password", pw));
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(s.url(), props);
    }

    static boolean scalarEquals(Object actual, JsonNode want) {
        if (actual == null) {
            return false;
        }
        if (want.isBoolean()) {
            return actual instanceof Boolean b && b == want.asBoolean();
        }
        if (want.isNumber()) {
            try {
                return new BigDecimal(actual.toString()).compareTo(want.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return actual.toString().equals(want.asText());
    }

    /** Values the canonical JSON form can hold exactly stay typed; everything else becomes its text. */
    private static void put(ArrayNode row, Object v) {
        if (v == null) {
            row.addNull();
        } else if (v instanceof Boolean b) {
            row.add(b);
        } else if ((v instanceof Integer || v instanceof Short || v instanceof Long) && Math.abs(((Number) v).longValue()) < (1L << 53)) {
            row.add(((Number) v).longValue());
        } else if (v instanceof java.sql.Array a) {
            try {
                row.add(java.util.Arrays.deepToString((Object[]) a.getArray()));
            } catch (SQLException | ClassCastException e) {
                row.add(v.toString());
            }
        } else {
            row.add(v.toString());
        }
    }
}
