package org.trustledger.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is looking at a console page, for the shared layout ({@code inject:console}): name, roles, the menu their roles
 * open and the section being shown. Role checks themselves stay on the resources ({@code @RolesAllowed}).
 */
@RequestScoped
@Named("console")
public class ConsoleUser {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public ConsoleUser(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** Held roles, sorted, as the layout lists them. */
    public List<String> roles() {
        return List.copyOf(new TreeSet<>(identity.getRoles()));
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public List<ConsoleNav.Item> nav() {
        return identity.isAnonymous() ? List.of() : ConsoleNav.visibleTo(Set.copyOf(identity.getRoles()));
    }

    /** The menu path of the page being served, so the layout can mark it {@code aria-current}. */
    public String section() {
        return request.getCurrent() == null ? "" : ConsoleNav.sectionOf(request.getCurrent().normalizedPath());
    }
}
