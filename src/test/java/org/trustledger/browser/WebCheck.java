package org.trustledger.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The two page checkers every page a person sees must pass: the Nu Html Checker (npm {@code vnu-jar}, 0 errors) on the
 * HTML as served, and axe-core (npm {@code axe-core}, WCAG 2.1 A and AA rules, 0 violations) in Chromium at 1280 and
 * 390 px. Both are fetched once into {@code target/webcheck} with npm (the registry is reachable in CI).
 */
public final class WebCheck {

    static final String VNU_VERSION = "26.9.27";
    static final String AXE_VERSION = "4.14.1";
    private static final Path DIR = Path.of("target", "webcheck").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private WebCheck() {
    }

    private static synchronized Path installed() throws IOException, InterruptedException {
        Path vnu = DIR.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
        Path axe = DIR.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(vnu) || !Files.exists(axe)) {
            Files.createDirectories(DIR);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", DIR.toString(),
                    "vnu-jar@" + VNU_VERSION, "axe-core@" + AXE_VERSION).inheritIO().start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm install of vnu-jar and axe-core failed (node and npm are needed for the page checks)");
            }
        }
        return DIR;
    }

    /** Nu Html Checker over pages given as name to served HTML; fails listing every error with its page and line. */
    public static void validHtml(Map<String, String> pages) throws IOException, InterruptedException {
        Path dir = installed().resolve("pages");
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                DIR.resolve("node_modules/vnu-jar/build/dist/vnu.jar").toString(), "--format", "json", "--errors-only", "--stdout"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".html");
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        Process vnu = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = vnu.getInputStream().readAllBytes();
        vnu.waitFor(5, TimeUnit.MINUTES);
        List<String> errors = new ArrayList<>();
        for (JsonNode m : JSON.readTree(out).path("messages")) {
            String url = m.path("url").asText();
            errors.add(url.substring(url.lastIndexOf('/') + 1) + ":" + m.path("lastLine").asInt() + " " + m.path("message").asText()
                    + " [" + m.path("extract").asText().strip() + "]");
        }
        assertEquals(List.of(), errors, "Nu Html Checker errors");
    }

    /** axe-core on the page the driver shows now, at 1280 px and at 390 px wide (the page is reloaded at each width). */
    public static void accessible(WebDriver driver, String label) throws IOException, InterruptedException {
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            driver.navigate().refresh();
            List<String> violations = axe(driver);
            assertEquals(List.of(), violations, "axe-core WCAG 2.1 AA violations on " + label + " at " + width + " px");
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @SuppressWarnings("unchecked")
    private static List<String> axe(WebDriver driver) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeScript());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    private static synchronized String axeScript() throws IOException, InterruptedException {
        if (axeSource == null) {
            axeSource = Files.readString(installed().resolve("node_modules/axe-core/axe.min.js"));
        }
        return axeSource;
    }
}
