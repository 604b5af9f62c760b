package org.trustledger.console;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.trustledger.Staff;

/** Console sessions for tests: a browser signed in through the form, or a session cookie plus CSRF token for RestAssured. */
public final class ConsoleSignIn {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private ConsoleSignIn() {
    }

    /** A session and the CSRF token its forms carry; post forms with both (cookie {@code csrf-token} and field). */
    public record Session(String cookie, String csrf) {
    }

    /** Signs the browser in through the sign-in form as the account holding only {@code role} ("admin" is the first admin). */
    public static void browser(WebDriver driver, URL base, String role) {
        String username = username(role);
        driver.manage().deleteAllCookies();
        driver.get(base.toString().replaceAll("/$", "") + "/staff/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password(role));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** A RestAssured session for {@code role}, with the CSRF token of a console page. */
    public static Session session(String role) {
        String cookie = role.equals("admin") ? Staff.admin() : Staff.withRole(role);
        return new Session(cookie, csrfOf(given().cookie("tl_session", cookie).get("/staff")));
    }

    /** The token of the first form on a page fetched with a session; the cookie {@code csrf-token} holds the same value. */
    public static String csrfOf(Response page) {
        String cookie = page.getCookie("csrf-token");
        if (cookie != null) {
            return cookie;
        }
        Matcher m = CSRF_FIELD.matcher(page.asString());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the page: " + page.asString());
        }
        return m.group(1);
    }

    public static String username(String role) {
        if (role.equals("admin")) {
            return Staff.ADMIN;
        }
        Staff.withRole(role);
        return "test-" + role;
    }

    static String password(String role) {
        return role.equals("admin") ? Staff.ADMIN_PASSWORD : "password-for-" + role;
    }
}
