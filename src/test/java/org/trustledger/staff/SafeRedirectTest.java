package org.trustledger.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {"/staff", "/staff/gaps?status=open", "/staff#top", "/a/b%20c"})
    void sameOriginPathsAreKept(String path) {
        assertEquals(path, SafeRedirect.of(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example", "///evil.example", "https://evil.example", "http:evil.example", "/\\evil.example",
            "\\/evil.example", "%2F%2Fevil.example", "/%2Fevil.example", "%252F%252Fevil.example", "/%5Cevil.example",
            "/%255Cevil.example", "javascript:alert(1)", "data:text/html,x", "/\nLocation: x", "/%0d%0aSet-Cookie:x", "evil",
            "/ /evil", "/%E0%A4%A"})
    void everythingElseFallsBack(String path) {
        assertEquals("/staff", SafeRedirect.of(path));
    }
}
