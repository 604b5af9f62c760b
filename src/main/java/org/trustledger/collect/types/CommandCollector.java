package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorsConfig;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * Runs an allow-listed executable with an argument array (no shell, so nothing in an argument is ever
 * interpreted), a clean environment and a time limit, and judges its exit code and output. A process
 * still running at the limit is killed together with its children.
 */
@ApplicationScoped
public class CommandCollector extends BaseCollectorType {

    public static final int MAX_OUTPUT = 16 * 1024;
    private static final Duration MARGIN = Duration.ofMillis(500);

    private static final Param EXPECT_EXIT_CODE = Param.integer("expect_exit_code", 0, 255, 0, "exit code that means pass");

    private final List<String> allowlist;

    public CommandCollector(CollectorsConfig config) {
        super("command", Param.required("argv", Param.Kind.STRING_LIST, "absolute path of an allow-listed executable, then its arguments"),
                EXPECT_EXIT_CODE,
                Param.optional("stdout_contains", Param.Kind.STRING, "text standard output must contain"),
                Param.optional("stdout_not_contains", Param.Kind.STRING, "text standard output must not contain"));
        this.allowlist = config.commandAllowlist().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        JsonNode argv = params.get("argv");
        if (argv.isEmpty()) {
            problems.add("params.argv", "must name the executable");
            return;
        }
        String exe = argv.get(0).asText();
        if (!Path.of(exe).isAbsolute()) {
            problems.add("params.argv[0]", "'" + exe + "' must be an absolute path");
        } else if (!allowlist.contains(exe)) {
            problems.add("params.argv[0]", "'" + exe + "' is not in trustledger.collectors.command-allowlist");
        }
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).asText().indexOf('\0') >= 0) {
                problems.add("params.argv[" + i + "]", "must not contain NUL");
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws IOException, InterruptedException {
        JsonNode p = d.params();
        List<String> argv = new ArrayList<>();
        p.get("argv").forEach(a -> argv.add(a.asText()));
        if (!allowlist.contains(argv.get(0))) {
            // The allow-list may have shrunk since start-up; it is checked again before every spawn.
            return CollectorResult.error("'" + argv.get(0) + "' is no longer in trustledger.collectors.command-allowlist");
        }
        int expectedExit = EXPECT_EXIT_CODE.intIn(p);
        Duration limit = Duration.between(ctx.now(), ctx.deadline()).minus(MARGIN);
        if (limit.compareTo(MARGIN) < 0) {
            limit = MARGIN;
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        // A clean environment: the platform's secrets (database password, admin password) never reach a check.
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        ObjectNode payload = CollectorResult.object();
        payload.set("argv", CollectorResult.strings(argv));
        long started = System.nanoTime();
        Process process = pb.start();
        payload.put("pid", process.pid());
        Capture out = new Capture(process.getInputStream());
        Capture err = new Capture(process.getErrorStream());
        out.start();
        err.start();
        boolean exited;
        try {
            exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!exited) {
            kill(process);
        }
        out.join(2000);
        err.join(2000);
        payload.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
        payload.put("stdout", out.text());
        payload.put("stderr", err.text());
        payload.put("stdout_truncated", out.truncated());
        payload.put("stderr_truncated", err.truncated());
        if (!exited) {
            payload.put("killed", true);
            return CollectorResult.error("timed out after " + limit.toMillis() + " ms; process " + process.pid() + " killed", payload);
        }
        int code = process.exitValue();
        payload.put("exit_code", code);
        payload.put("expected_exit_code", expectedExit);
        List<String> problems = new ArrayList<>();
        if (code != expectedExit) {
            problems.add("exit code " + code + ", expected " + expectedExit);
        }
        if (p.has("stdout_contains") && !out.text().contains(p.get("stdout_contains").asText())) {
            problems.add("output lacks '" + p.get("stdout_contains").asText() + "'");
        }
        if (p.has("stdout_not_contains") && out.text().contains(p.get("stdout_not_contains").asText())) {
            problems.add("output contains '" + p.get("stdout_not_contains").asText() + "'");
        }
        String name = Path.of(argv.get(0)).getFileName().toString();
        if (!problems.isEmpty()) {
            return CollectorResult.fail(name + ": " + String.join("; ", problems), payload);
        }
        return CollectorResult.pass(name + " exited " + code + " as expected" + firstLine(out.text()), payload);
    }

    private static String firstLine(String s) {
        String line = s.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return line.isEmpty() ? "" : ": " + (line.length() > 120 ? line.substring(0, 120) + "…" : line);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a stream to the end (so the child never blocks on a full pipe) but keeps only the first 16 KiB. */
    static final class Capture extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile long total;

        Capture(InputStream in) {
            super("command-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) > 0;) {
                    synchronized (kept) {
                        int room = MAX_OUTPUT - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                    }
                    total += n;
                }
            } catch (IOException e) {
                // The process was killed or closed its end; what was read so far is kept.
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8).replace('\0', '\uFFFD');
            }
        }

        boolean truncated() {
            return total > MAX_OUTPUT;
        }
    }
}
