package org.trustledger;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes. A rule broken here is a design
 * decision broken: change the design (and that document) on purpose, not the rule to make a build pass.
 */
@AnalyzeClasses(packages = "org.trustledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** An HTTP edge class: a Jakarta REST resource, a Vert.x route or filter holder, or an authentication mechanism. */
    static final DescribedPredicate<JavaClass> HTTP_EDGE = describe("an HTTP resource, route or mechanism", c -> {
        JavaClass top = c.isNestedClass() ? c.getEnclosingClass().orElse(c) : c;
        return top.isAnnotatedWith("jakarta.ws.rs.Path")
                || top.getMethods().stream().anyMatch(m -> m.isAnnotatedWith("io.quarkus.vertx.web.Route")
                        || m.isAnnotatedWith("io.quarkus.vertx.web.RouteFilter")
                        || m.isAnnotatedWith("org.jboss.resteasy.reactive.server.ServerExceptionMapper")
                        || m.isAnnotatedWith("org.jboss.resteasy.reactive.server.ServerRequestFilter")
                        || m.isAnnotatedWith("org.jboss.resteasy.reactive.server.ServerResponseFilter"))
                || top.isAssignableTo("io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism");
    });

    @ArchTest
    static final ArchRule tlogIsPure = noClasses().that().resideInAPackage("org.trustledger.tlog..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.sql..", "java.sql..", "io.quarkus..",
                    "io.vertx..", "org.hibernate..", "org.jboss..")
            .orShould().dependOnClassesThat(describe("another TrustLedger package",
                    c -> c.getPackageName().startsWith("org.trustledger") && !c.getPackageName().startsWith("org.trustledger.tlog")))
            .because("the verification core is used by the offline verifier and must not need the server");

    @ArchTest
    static final ArchRule verifierUsesOnlyTlog = noClasses().that().resideInAPackage("org.trustledger.verifier..")
            .should().dependOnClassesThat(describe("a TrustLedger package other than tlog and verifier",
                    c -> c.getPackageName().startsWith("org.trustledger")
                            && !c.getPackageName().startsWith("org.trustledger.tlog")
                            && !c.getPackageName().startsWith("org.trustledger.verifier")))
            .orShould().dependOnClassesThat().resideInAnyPackage("jakarta..", "java.sql..", "io.quarkus..")
            .because("the verifier jar is shaded from the tlog and verifier packages only");

    @ArchTest
    static final ArchRule onlyTheHttpEdgeUsesWeb = classes().that().resideOutsideOfPackage("org.trustledger.web..")
            .should(new ArchCondition<>("use org.trustledger.web only if they are an HTTP resource, route or mechanism") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    if (HTTP_EDGE.test(c)) {
                        return;
                    }
                    c.getDirectDependenciesFromSelf().stream()
                            .filter(d -> d.getTargetClass().getPackageName().startsWith("org.trustledger.web"))
                            .forEach(d -> events.add(SimpleConditionEvent.violated(c, d.getDescription())));
                }
            })
            .because("services speak the domain (common.DomainException); only resources speak HTTP");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.trustledger.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule collectKnowsNoRegisterFeature = noClasses().that().resideInAPackage("org.trustledger.collect..")
            .should().dependOnClassesThat().resideInAnyPackage("org.trustledger.privacy..", "org.trustledger.reports..",
                    "org.trustledger.trust..", "org.trustledger.export..")
            .because("features plug their checks into collect's SPI, not the other way round");

    @ArchTest
    static final ArchRule ledgerKnowsNoFeature = noClasses().that().resideInAPackage("org.trustledger.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.trustledger.staff..", "org.trustledger.collect..",
                    "org.trustledger.privacy..", "org.trustledger.reports..", "org.trustledger.trust..", "org.trustledger.export..")
            .because("the ledger records what features give it and knows none of them");

    @ArchTest
    static final ArchRule entitiesStayInTheirFeature = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .should(new ArchCondition<>("be used only inside their own feature package") {
                @Override
                public void check(JavaClass entity, ConditionEvents events) {
                    String feature = feature(entity);
                    entity.getAccessesToSelf().stream()
                            .filter(a -> !feature.equals(feature(a.getOriginOwner())))
                            .forEach(a -> events.add(SimpleConditionEvent.violated(entity, a.getDescription())));
                    entity.getDirectDependenciesToSelf().stream()
                            .filter(d -> !feature.equals(feature(d.getOriginClass())))
                            .forEach(d -> events.add(SimpleConditionEvent.violated(entity, d.getDescription())));
                }
            })
            .allowEmptyShould(true)
            .because("a feature's tables are its internals; other features call its services");

    /** {@code org.trustledger.privacy.checks.X} -> {@code privacy}. */
    static String feature(JavaClass c) {
        String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(), "org.trustledger.".length()));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
