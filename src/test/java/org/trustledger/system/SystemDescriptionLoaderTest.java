package org.trustledger.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.config.ConfigFileException;

class SystemDescriptionLoaderTest {
    private static final Path SAMPLE = Path.of("system/system-description.yaml");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Set<String> knownIds;

    @TempDir
    Path tmp;

    private final SystemDescriptionLoader loader = new SystemDescriptionLoader();

    @BeforeAll
    static void catalogs() {
        knownIds = CatalogIds.load();
        assertEquals(93 + 43 + 31, knownIds.size(), "catalog ids");
    }

    // ------------------------------------------------------------------ the shipped sample

    @Test
    void shippedSampleLoadsCleanlyWithTheRealCatalogs() {
        SystemDescription d = loader.load(SAMPLE, knownIds::contains, TODAY);

        assertEquals("Fjordlane", d.organisation().name());
        assertEquals("Fjordlane Software B.V.", d.organisation().legalEntity());
        assertEquals(List.of(Role.CONTROLLER, Role.PROCESSOR), d.organisation().roles());
        assertFalse(d.organisation().dpo().appointed());
        assertTrue(d.processingActivities().size() >= 6);
        assertTrue(d.vendors().size() >= 8);
        assertTrue(d.dataCategories().stream().noneMatch(DataCategory::isSpecial));

        assertEquals(List.of("aws", "aiven", "postmark", "sentry", "helpscout", "deepl"),
                d.subProcessors().stream().map(Vendor::id).toList());
        assertEquals(List.of("aws", "aiven", "postmark", "sentry", "helpscout"),
                d.subProcessorsEffectiveOn(TODAY).stream().map(Vendor::id).toList());
        assertEquals(List.of("deepl"), d.upcomingSubProcessors(TODAY).stream().map(Vendor::id).toList());
        assertTrue(d.subProcessorsEffectiveOn(LocalDate.of(2026, 12, 10)).stream().anyMatch(v -> v.id().equals("deepl")));

        assertTrue(d.exclusionJustification("ISO27001:A.7.1").orElseThrow().contains("AWS"));
        assertTrue(d.exclusionJustification("GDPR:Art.9").isPresent());
        assertTrue(d.exclusionJustification("ISO27001:A.7.7").isEmpty(), "clear desk stays applicable");
        assertTrue(d.exclusionJustification("GDPR:Art.32").isEmpty());
        assertTrue(d.isApplicable("SOC2:CC6.1"));
        assertEquals(6, d.scoping().gdprNotApplicable().size());

        Vendor stripe = d.vendor("stripe").orElseThrow();
        assertFalse(stripe.isSubprocessor());
        assertEquals(List.of("US"), stripe.thirdCountries());
        assertEquals("adequacy (Art. 45): EU-US Data Privacy Framework", stripe.transferMechanism().describe());
        assertEquals("SCCs 2021/914 Module Two + Module Three", d.vendor("sentry").orElseThrow().transferMechanism().describe());
        assertEquals("none (EEA)", d.vendor("aws").orElseThrow().transferMechanism().describe());
        assertTrue(d.vendor("nope").isEmpty());

        ProcessingActivity billing = d.processingActivity("billing").orElseThrow();
        assertEquals(LegalBasis.CONTRACT, billing.legalBasis());
        Transfer stripeTransfer = billing.transfers().stream().filter(t -> t.vendor().equals("stripe")).findFirst().orElseThrow();
        assertEquals(stripe.transferMechanism(), d.transferMechanism(stripeTransfer).orElseThrow());
        assertEquals(LegalBasis.ON_BEHALF_OF_CONTROLLER, d.processingActivity("service-delivery").orElseThrow().legalBasis());

        assertEquals(List.of("eu-central-1", "eu-west-1"), d.storageRegions("customer-content"));
        assertEquals(List.of("eu-central-1"), d.storageRegions("technical-logs"));
        assertEquals(LocalDate.of(2026, 12, 10), d.vendor("deepl").orElseThrow().effectiveAt());
    }

    @Test
    void shippedSampleLoadsWithTheSystemClock() {
        assertEquals("Fjordlane", loader.load(SAMPLE, knownIds::contains).organisation().name());
    }

    @Test
    void recordsBindWithPlainJacksonWhichRejectsUnknownProperties() throws IOException {
        ObjectMapper plain = new YAMLMapper().registerModule(new JavaTimeModule());
        SystemDescription viaJackson = plain.readValue(SAMPLE.toFile(), SystemDescription.class);
        assertEquals(loader.load(SAMPLE, knownIds::contains, TODAY), viaJackson);

        ObjectNode tree = sample();
        vendor(tree, 0).put("dpa_singed", "2024-01-01");
        assertThrows(UnrecognizedPropertyException.class, () -> plain.treeToValue(tree, SystemDescription.class));
    }

    @Test
    void loadedDescriptionSurvivesAJsonRoundTrip() throws IOException {
        SystemDescription d = loader.load(SAMPLE, knownIds::contains, TODAY);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String text = json.writeValueAsString(d);
        assertTrue(text.contains("\"dpa_signed\":\"2023-02-14\""), text);
        assertTrue(text.contains("\"subprocessor\":true"), text);
        assertEquals(d, json.readValue(text, SystemDescription.class));
    }

    // ------------------------------------------------------------------ one class of bad input each

    @Test
    void missingRequiredField() {
        assertProblems(t -> vendor(t, 3).remove("url"), "vendors[3].url: required field missing");
        assertProblems(t -> ((ObjectNode) t.at("/organisation")).remove("legal_entity"),
                "organisation.legal_entity: required field missing");
        assertProblems(t -> activity(t, 0).putNull("retention"),
                "processing_activities[0].retention: required field missing");
        assertProblems(t -> activity(t, 0).putArray("data_categories"),
                "processing_activities[0].data_categories: must not be empty");
    }

    @Test
    void unknownField() {
        assertProblems(t -> vendor(t, 0).put("dpa_singed", "2024-01-01"),
                "vendors[0].dpa_singed: unknown field (did you mean 'dpa_signed'?)");
        assertProblems(t -> t.put("colour", "blue"), "colour: unknown field");
    }

    @Test
    void wrongType() {
        assertProblems(t -> vendor(t, 0).put("countries", "DE"), "vendors[0].countries: expected a list, got a string");
        assertProblems(t -> vendor(t, 1).put("subprocessor", "yes please"),
                "vendors[1].subprocessor: expected true or false, got a string");
        assertProblems(t -> ((ObjectNode) t.at("/organisation")).putArray("name").add("Fjordlane"),
                "organisation.name: expected a string, got a list");
        assertProblems(t -> t.put("organisation", "Fjordlane"), "organisation: expected a mapping, got a string");
        assertProblems(t -> ((ObjectNode) t.at("/organisation/address")).put("postal_code", 1017),
                "organisation.address.postal_code: expected a string, got the number 1017 (quote the value)");
        assertProblems(t -> array(t, "/vendors/7/countries").addNull(), "vendors[7].countries[2]: empty list entry");
        assertProblems(t -> ((ObjectNode) t.at("/organisation")).put("subprocessor_notice_days", "thirty"),
                "organisation.subprocessor_notice_days: expected a whole number, got a string");
    }

    @Test
    void unquotedNorwayIsReportedAsABooleanNotSilentlyAccepted() {
        assertProblems(t -> array(t, "/vendors/1/countries").set(0, BooleanNode.FALSE),
                "vendors[1].countries[0]: expected a string, got boolean false"
                        + " (quote the value: YAML reads unquoted yes, no, on, off, y, n as booleans)");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumnWithoutStackTrace() throws IOException {
        Path file = write("version: \"1\"\norganisation: Fjordlane\n  name: Fjordlane\n");
        assertEquals(List.of(file + ": line 3, column 7: mapping values are not allowed here"), problems(file));

        Path flow = write("version: \"1\"\nroles: [controller, processor\nvendors: []\n");
        assertEquals(List.of(flow + ": line 3, column 8: expected ',' or ']', but got :"
                + " (while parsing a flow sequence at line 2, column 8)"), problems(flow));
    }

    @Test
    void duplicateKeysAliasesAndMergeKeysAreRejected() throws IOException {
        Path dup = write("version: \"1\"\norganisation:\n  name: A\n  name: B\n");
        assertEquals(List.of(dup + ": organisation.name: duplicate key (again at line 4, column 7)"), problems(dup));

        Path nested = write("vendors:\n  - id: a\n  - id: b\n    id: c\n");
        assertEquals(List.of(nested + ": vendors[1].id: duplicate key (again at line 4, column 7)"), problems(nested));

        Path merge = write("base: &b {name: x}\norganisation:\n  <<: {name: y}\n");
        assertEquals(List.of(merge + ": line 3, column 3: YAML merge keys (<<) are not supported"), problems(merge));

        Path alias = write("version: &v \"1\"\nlast_reviewed: *v\n");
        assertEquals(List.of(alias + ": line 2, column 16: YAML aliases (*v) are not supported; write the value out in full"),
                problems(alias));
    }

    @Test
    void wholeDocumentProblems() throws IOException {
        assertEquals(List.of(write("") + ": (document): empty document"), problems(tmp.resolve("1.yaml")));
        Path list = write("- a\n- b\n");
        assertEquals(List.of(list + ": (document): expected a mapping, got a list"), problems(list));
        Path missing = tmp.resolve("missing.yaml");
        assertEquals(List.of(missing + ": (document): file not found"), problems(missing));
    }

    @Test
    void nonHttpsUrl() {
        assertProblems(t -> vendor(t, 3).put("url", "http://stripe.com"), "vendors[3].url: not an https URL");
        assertProblems(t -> ((ObjectNode) t.at("/organisation")).put("website", "https:///no-host"),
                "organisation.website: not an https URL");
        assertProblems(t -> ((ObjectNode) t.at("/organisation/supervisory_authority")).put("url", "www.example.org"),
                "organisation.supervisory_authority.url: not an https URL");
    }

    @Test
    void badEmail() {
        assertProblems(t -> ((ObjectNode) t.at("/organisation/contacts")).put("security_email", "security-at-fjordlane.example"),
                "organisation.contacts.security_email: not a valid email address");
        assertProblems(t -> ((ObjectNode) t.at("/organisation/dpo/privacy_lead")).put("email", "ingrid@localhost"),
                "organisation.dpo.privacy_lead.email: not a valid email address");
    }

    @Test
    void badDate() {
        assertProblems(t -> vendor(t, 1).put("dpa_signed", "2026-02-30"),
                "vendors[1].dpa_signed: not an ISO date (yyyy-mm-dd): '2026-02-30'");
        assertProblems(t -> t.put("last_reviewed", "12/11/2026"),
                "last_reviewed: not an ISO date (yyyy-mm-dd): '12/11/2026'");
    }

    @Test
    void futureReviewDate() {
        assertProblems(t -> vendor(t, 1).put("last_review", "2026-11-26"),
                "vendors[1].last_review: 2026-11-26 is in the future (today is 2026-11-25)");
        assertProblems(t -> vendor(t, 2).put("dpa_signed", "2027-01-01"),
                "vendors[2].dpa_signed: 2027-01-01 is in the future (today is 2026-11-25)");
        assertProblems(t -> t.put("last_reviewed", "2026-12-01"),
                "last_reviewed: 2026-12-01 is in the future (today is 2026-11-25)");
    }

    @Test
    void badCountryCode() {
        assertProblems(t -> {
            array(t, "/vendors/7/countries").set(0, TextNode.valueOf("XX"));
            array(t, "/vendors/7/countries").set(1, TextNode.valueOf("de"));
        },
                "vendors[7].countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code",
                "vendors[7].countries[1]: 'de' is not an ISO 3166-1 alpha-2 country code (write it in upper case: DE)");
        assertProblems(t -> ((ObjectNode) t.at("/organisation/address")).put("country", "EU"),
                "organisation.address.country: 'EU' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void duplicateAndMalformedIds() {
        assertProblems(t -> array(t, "/data_subject_categories").add(t.at("/data_subject_categories/0").deepCopy()),
                "data_subject_categories[7].id: duplicate id 'customer-users' (first used at data_subject_categories[0])");
        assertProblems(t -> array(t, "/data_subject_categories").addObject()
                        .put("id", "Board_Members").put("name", "Board members").put("description", "Directors."),
                "data_subject_categories[7].id: 'Board_Members' is not a valid id"
                        + " (use lower-case letters, digits and '-', starting with a letter or digit)");
    }

    @Test
    void danglingReferences() {
        assertProblems(t -> {
            array(t, "/processing_activities/4/data_categories").set(0, TextNode.valueOf("usage-stats"));
            array(t, "/processing_activities/5/recipients/vendors").set(0, TextNode.valueOf("mailchimp"));
            system(t, 2).put("hosting_vendor", "gcp");
            array(t, "/processing_activities/6/security_measures").add("shredder");
        },
                "processing_activities[4].data_categories[0]: unknown data category 'usage-stats'",
                "processing_activities[5].recipients.vendors[0]: unknown vendor 'mailchimp'",
                "processing_activities[6].security_measures[3]: unknown security measure 'shredder'",
                "systems[2].hosting_vendor: unknown vendor 'gcp'");
    }

    @Test
    void badLegalBasis() {
        assertProblems(t -> activity(t, 2).put("legal_basis", "Art. 6(1)(g)"),
                "processing_activities[2].legal_basis: 'Art. 6(1)(g)' is not one of: Art. 6(1)(a), Art. 6(1)(b),"
                        + " Art. 6(1)(c), Art. 6(1)(d), Art. 6(1)(e), Art. 6(1)(f), on behalf of controller");
        assertProblems(t -> activity(t, 1).put("legal_basis", "Art. 6(1)(b)"),
                "processing_activities[1].legal_basis: processor activities use 'on behalf of controller'"
                        + " (the controller supplies the Art. 6 basis)");
        assertProblems(t -> activity(t, 0).put("legal_basis", "on behalf of controller"),
                "processing_activities[0].legal_basis: 'on behalf of controller' is only for processor activities;"
                        + " give the Art. 6(1) basis");
        assertProblems(t -> activity(t, 7).remove("legitimate_interest"),
                "processing_activities[7].legitimate_interest: required when legal_basis is Art. 6(1)(f)");
        assertProblems(t -> activity(t, 1).remove("on_behalf_of"),
                "processing_activities[1].on_behalf_of: required when role is processor (Art. 30(2)(a))");
    }

    @Test
    void nonEeaTransferWithoutMechanism() {
        assertProblems(t -> vendor(t, 2).putObject("transfer_mechanism").put("type", "none"),
                "vendors[2].transfer_mechanism.type: 'none', but US is outside the EEA; a transfer mechanism is required");
        assertProblems(t -> vendor(t, 4).putObject("transfer_mechanism").put("type", "sccs"),
                "vendors[4].transfer_mechanism.sccs_modules: required when type is sccs");
        assertProblems(t -> array(t, "/vendors/4/transfer_mechanism/sccs_modules").remove(1),
                "vendors[4].transfer_mechanism.sccs_modules: a sub-processor needs Module Three (processor to processor)");
    }

    @Test
    void adequacyClaimedForNonAdequateCountry() {
        assertProblems(t -> {
            array(t, "/vendors/9/countries").add("IN");
            vendor(t, 9).putObject("transfer_mechanism").put("type", "adequacy");
        },
                "processing_activities[6].transfers: missing transfer to IN for recipient vendor 'personio'",
                "vendors[9].transfer_mechanism.type: no EU adequacy decision covers IN; use sccs, bcrs or derogation");
        assertProblems(t -> ((ObjectNode) t.at("/vendors/5/transfer_mechanism")).remove("dpf_certified"),
                "vendors[5].transfer_mechanism.dpf_certified: adequacy for US covers only organisations certified under"
                        + " the EU-US Data Privacy Framework; set dpf_certified: true once the certification is verified");
    }

    @Test
    void activityTransfersMustMatchTheRecipients() {
        assertProblems(t -> array(t, "/processing_activities/3/transfers").addObject().put("vendor", "stripe").put("country", "US"),
                "processing_activities[3].transfers[1].vendor: 'stripe' is not among this activity's recipients.vendors");
        assertProblems(t -> ((ObjectNode) t.at("/processing_activities/3/transfers/0")).put("country", "CA"),
                "processing_activities[3].transfers[0].country: vendor 'helpscout' does not list CA in its countries",
                "processing_activities[3].transfers: missing transfer to US for recipient vendor 'helpscout'");
        assertProblems(t -> array(t, "/processing_activities/0/transfers").addObject().put("vendor", "aws").put("country", "DE"),
                "processing_activities[0].transfers[1].country: DE is in the EEA; list only transfers to third countries");
    }

    @Test
    void regionNotInResidency() {
        assertProblems(t -> system(t, 4).put("region", "us-east-1"),
                "systems[4].region: region 'us-east-1' is not in residency.allowed_regions");
        assertProblems(t -> array(t, "/residency/data_locations/4/regions").set(0, TextNode.valueOf("eu-west-1")),
                "systems[4].data_categories[0]: 'technical-logs' is stored in eu-central-1,"
                        + " but residency.data_locations allows it only in eu-west-1");
        assertProblems(t -> array(t, "/residency/data_locations/0/regions").add("ap-south-1"),
                "residency.data_locations[0].regions[2]: region 'ap-south-1' is not in residency.allowed_regions");
    }

    @Test
    void unknownControlId() {
        assertProblems(t -> ((ObjectNode) t.at("/scoping/iso_exclusions/0")).put("control", "ISO27001:A.7.99"),
                "scoping.iso_exclusions[0].control: unknown control ID 'ISO27001:A.7.99'");
        assertProblems(t -> ((ObjectNode) t.at("/scoping/gdpr_not_applicable/0")).put("control", "ISO27001:A.5.1"),
                "scoping.gdpr_not_applicable[0].control: 'ISO27001:A.5.1' is not a GDPR article ID (e.g. GDPR:Art.8)");
        assertProblems(t -> array(t, "/security_measures/0/controls").set(0, TextNode.valueOf("ISO27001:A.8.35")),
                "security_measures[0].controls[0]: unknown control ID 'ISO27001:A.8.35'");
        assertProblems(t -> array(t, "/security_measures/0/controls").add("ISO27001:A.7.1"),
                "security_measures[0].controls[2]: control ISO27001:A.7.1 is declared not applicable in scoping");
    }

    @Test
    void blankJustification() {
        assertProblems(t -> ((ObjectNode) t.at("/scoping/iso_exclusions/1")).put("justification", "   "),
                "scoping.iso_exclusions[1].justification: must not be blank");
        assertProblems(t -> ((ObjectNode) t.at("/scoping/gdpr_not_applicable/2")).remove("justification"),
                "scoping.gdpr_not_applicable[2].justification: required field missing");
    }

    @Test
    void transfersOnSccsNeedAnAssessment() {
        assertProblems(t -> vendor(t, 4).remove("transfer_assessment"),
                "vendors[4].transfer_assessment: required: US has no adequacy decision, so the transfer needs an assessment"
                        + " (EDPB Recommendations 01/2020)");
        assertProblems(t -> ((ObjectNode) vendor(t, 4).get("transfer_assessment")).put("next_review", "2026-07-01"),
                "vendors[4].transfer_assessment.next_review: must be after assessed_at 2026-07-14");
        assertProblems(t -> ((ObjectNode) vendor(t, 4).get("transfer_assessment")).remove("conclusion"),
                "vendors[4].transfer_assessment.conclusion: required field missing");
        assertProblems(t -> vendor(t, 5).set("transfer_assessment", vendor(t, 4).get("transfer_assessment").deepCopy()),
                "vendors[5].transfer_assessment: only for transfers that rely on SCCs, BCRs or a derogation");
    }

    @Test
    void subProcessorFlagMustMatchProcessorActivitiesAndNoticePeriod() {
        assertProblems(t -> array(t, "/processing_activities/1/recipients/vendors").add("plausible"),
                "processing_activities[1].recipients.vendors[6]: vendor 'plausible' receives data of a processor"
                        + " activity but is marked subprocessor: false");
        assertProblems(t -> vendor(t, 8).put("subprocessor", true),
                "vendors[8].subprocessor: true, but the vendor is not a recipient of any processor activity");
        assertProblems(t -> vendor(t, 10).put("effective_at", "2026-11-01"),
                "vendors[10].effective_at: 2026-11-01 is before announced_at 2026-11-10");
        assertProblems(t -> vendor(t, 10).put("effective_at", "2026-11-20"),
                "vendors[10].effective_at: only 10 days after announced_at; customers are promised 30 days' notice"
                        + " (organisation.subprocessor_notice_days)");
        assertProblems(t -> vendor(t, 10).remove("announced_at"),
                "vendors[10].announced_at: required when effective_at is set");
        assertProblems(t -> vendor(t, 0).put("removal_announced_at", "2026-11-01").put("removal_effective_at", "2026-11-15"),
                "vendors[0].removal_effective_at: only 14 days after removal_announced_at; customers are promised 30 days' notice"
                        + " (organisation.subprocessor_notice_days)");
        assertProblems(t -> vendor(t, 0).put("removal_effective_at", "2026-12-31"),
                "vendors[0].removal_announced_at: required when removal_effective_at is set");
        assertProblems(t -> vendor(t, 10).put("removal_announced_at", "2026-11-10").put("removal_effective_at", "2026-12-10"),
                "vendors[10].removal_effective_at: must be after effective_at 2026-12-10");
    }

    @Test
    void gdprNotApplicableMustBeConsistentWithTheDescription() {
        assertProblems(t -> ((ObjectNode) t.at("/data_categories/8")).put("special_category", true),
                "scoping.gdpr_not_applicable[1].control: GDPR:Art.9 is declared not applicable,"
                        + " but data category 'applicant-data' is special category");
    }

    @Test
    void severalProblemsAreAllReportedAtOnce() throws IOException {
        ObjectNode t = sample();
        vendor(t, 0).put("dpa_singed", "2024-01-01");
        vendor(t, 3).put("url", "http://stripe.com");
        vendor(t, 6).put("last_review", "2027-01-01");
        activity(t, 2).put("legal_basis", "contract");
        ((ObjectNode) t.at("/organisation/contacts")).put("privacy_email", "privacy");
        system(t, 4).put("region", "us-east-1");
        ((ObjectNode) t.at("/scoping/iso_exclusions/0")).put("justification", "");
        Path file = write(t);

        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> loader.load(file, knownIds::contains, TODAY));
        List<String> expected = Arrays.asList(
                // shape problems first, in document order ...
                "processing_activities[2].legal_basis: 'contract' is not one of: Art. 6(1)(a), Art. 6(1)(b),"
                        + " Art. 6(1)(c), Art. 6(1)(d), Art. 6(1)(e), Art. 6(1)(f), on behalf of controller",
                "vendors[0].dpa_singed: unknown field (did you mean 'dpa_signed'?)",
                "scoping.iso_exclusions[0].justification: must not be blank",
                // ... then the semantic checks, section by section
                "organisation.contacts.privacy_email: not a valid email address",
                "systems[4].region: region 'us-east-1' is not in residency.allowed_regions",
                "vendors[3].url: not an https URL",
                "vendors[6].last_review: 2027-01-01 is in the future (today is 2026-11-25)");
        List<String> lines = expected.stream().map(s -> file + ": " + s).toList();
        assertEquals(lines, e.problems());
        assertEquals(String.join("\n", lines), e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode sample() {
        try {
            return (ObjectNode) YAML.readTree(SAMPLE.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode vendor(JsonNode tree, int i) {
        return (ObjectNode) tree.at("/vendors/" + i);
    }

    private static ObjectNode activity(JsonNode tree, int i) {
        return (ObjectNode) tree.at("/processing_activities/" + i);
    }

    private static ObjectNode system(JsonNode tree, int i) {
        return (ObjectNode) tree.at("/systems/" + i);
    }

    private static ArrayNode array(JsonNode tree, String pointer) {
        JsonNode node = tree.at(pointer);
        if (!node.isArray()) {
            throw new AssertionError("not a list in the sample: " + pointer);
        }
        return (ArrayNode) node;
    }

    private int files;

    private Path write(String text) throws IOException {
        return Files.writeString(tmp.resolve(++files + ".yaml"), text, StandardCharsets.UTF_8);
    }

    private Path write(ObjectNode tree) throws IOException {
        return write(YAML.writeValueAsString(tree));
    }

    private List<String> problems(Path file) {
        try {
            loader.load(file, knownIds::contains, TODAY);
        } catch (ConfigFileException e) {
            return e.problems();
        }
        return fail("expected " + file + " to be rejected");
    }

    /** Mutates a copy of the sample, loads it, and expects exactly these problems (without the file prefix), in order. */
    private void assertProblems(Consumer<ObjectNode> mutation, String... expected) {
        ObjectNode tree = sample();
        mutation.accept(tree);
        Path file;
        try {
            file = write(tree);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String> lines = Arrays.stream(expected).map(s -> file + ": " + s).toList();
        assertEquals(lines, problems(file));
    }
}
