package org.trustledger.system;

import static org.trustledger.system.Problems.child;
import static org.trustledger.system.Problems.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Semantic checks of a bound (possibly partial) description: formats (URLs, emails, countries, ids),
 * dates, references between sections, legal-basis and transfer rules, residency and scoping. Runs after
 * {@link ShapeChecker}, so every value may be null where the shape check already reported a problem;
 * each check skips what is missing rather than reporting it twice.
 */
final class SystemDescriptionValidator {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final String ISO_PREFIX = "ISO27001:";
    private static final String GDPR_PREFIX = "GDPR:";

    private final SystemDescription d;
    private final Problems problems;
    private final Predicate<String> knownControlId;
    private final LocalDate today;

    private IdSpace subjects;
    private IdSpace categories;
    private IdSpace measures;
    private IdSpace activities;
    private IdSpace systems;
    private IdSpace vendors;
    private IdSpace regions;

    SystemDescriptionValidator(SystemDescription d, Problems problems, Predicate<String> knownControlId, LocalDate today) {
        this.d = d;
        this.problems = problems;
        this.knownControlId = knownControlId;
        this.today = today;
    }

    void validate() {
        subjects = IdSpace.of(d.dataSubjectCategories(), DataSubjectCategory::id);
        categories = IdSpace.of(d.dataCategories(), DataCategory::id);
        measures = IdSpace.of(d.securityMeasures(), SecurityMeasure::id);
        activities = IdSpace.of(d.processingActivities(), ProcessingActivity::id);
        systems = IdSpace.of(d.systems(), HostedSystem::id);
        vendors = IdSpace.of(d.vendors(), Vendor::id);
        regions = d.residency() == null
                ? IdSpace.incomplete()
                : IdSpace.of(d.residency().allowedRegions(), Region::id);

        notInFuture("last_reviewed", d.lastReviewed());
        organisation();
        checkIds("data_subject_categories", d.dataSubjectCategories(), DataSubjectCategory::id);
        checkIds("data_categories", d.dataCategories(), DataCategory::id);
        securityMeasures();
        processingActivities();
        hostedSystems();
        vendorList();
        residency();
        scoping();
    }

    // ---------------------------------------------------------------- organisation

    private void organisation() {
        Organisation o = d.organisation();
        if (o == null) {
            return;
        }
        String path = "organisation";
        https(child(path, "website"), o.website());
        if (o.address() != null) {
            country(child(path, "address.country"), o.address().country());
        }
        duplicates(child(path, "roles"), o.roles().stream().map(r -> r == null ? null : r.yamlValue()).toList(), "role");
        Contacts c = o.contacts();
        if (c != null) {
            email(child(path, "contacts.general_email"), c.generalEmail());
            email(child(path, "contacts.security_email"), c.securityEmail());
            email(child(path, "contacts.privacy_email"), c.privacyEmail());
        }
        dpo(child(path, "dpo"), o.dpo());
        EuRepresentative rep = o.euRepresentative();
        if (rep != null && rep.required() != null) {
            String repPath = child(path, "eu_representative");
            if (rep.required()) {
                requiredWhen(child(repPath, "name"), rep.name(), "required is true");
                requiredWhen(child(repPath, "email"), rep.email(), "required is true");
                email(child(repPath, "email"), rep.email());
            } else {
                requiredWhen(child(repPath, "reason"), rep.reason(), "required is false");
            }
        }
        SupervisoryAuthority sa = o.supervisoryAuthority();
        if (sa != null) {
            country(child(path, "supervisory_authority.country"), sa.country());
            https(child(path, "supervisory_authority.url"), sa.url());
        }
        if (o.subprocessorNoticeDays() != null && o.subprocessorNoticeDays() < 0) {
            problems.add(child(path, "subprocessor_notice_days"), "must not be negative");
        }
    }

    private void dpo(String path, Dpo dpo) {
        if (dpo == null || dpo.appointed() == null) {
            return;
        }
        if (dpo.appointed()) {
            requiredWhen(child(path, "name"), dpo.name(), "appointed is true");
            requiredWhen(child(path, "email"), dpo.email(), "appointed is true");
            email(child(path, "email"), dpo.email());
        } else {
            requiredWhen(child(path, "reason"), dpo.reason(), "appointed is false");
            requiredWhen(child(path, "privacy_lead"), dpo.privacyLead(), "appointed is false");
        }
        if (dpo.privacyLead() != null) {
            email(child(path, "privacy_lead.email"), dpo.privacyLead().email());
        }
    }

    // ---------------------------------------------------------------- security measures

    private void securityMeasures() {
        checkIds("security_measures", d.securityMeasures(), SecurityMeasure::id);
        for (int i = 0; i < d.securityMeasures().size(); i++) {
            SecurityMeasure m = d.securityMeasures().get(i);
            if (m == null) {
                continue;
            }
            String path = index("security_measures", i);
            for (int j = 0; j < m.controls().size(); j++) {
                String control = m.controls().get(j);
                if (control == null) {
                    continue;
                }
                String controlPath = index(child(path, "controls"), j);
                if (!knownControlId.test(control)) {
                    problems.add(controlPath, "unknown control ID '" + control + "'");
                } else if (!d.isApplicable(control)) {
                    problems.add(controlPath, "control " + control + " is declared not applicable in scoping");
                }
            }
            duplicates(child(path, "controls"), m.controls(), "control");
        }
    }

    // ---------------------------------------------------------------- processing activities

    private void processingActivities() {
        checkIds("processing_activities", d.processingActivities(), ProcessingActivity::id);
        Organisation org = d.organisation();
        for (int i = 0; i < d.processingActivities().size(); i++) {
            ProcessingActivity a = d.processingActivities().get(i);
            if (a == null) {
                continue;
            }
            String path = index("processing_activities", i);
            Role role = a.role();
            if (role != null && org != null && !org.roles().isEmpty() && !org.roles().contains(role)) {
                problems.add(child(path, "role"), "organisation.roles does not include " + role.yamlValue());
            }
            legalBasis(path, a);
            if (role == Role.PROCESSOR) {
                requiredWhen(child(path, "on_behalf_of"), a.onBehalfOf(), "role is processor (Art. 30(2)(a))");
            } else if (role == Role.CONTROLLER && a.onBehalfOf() != null) {
                problems.add(child(path, "on_behalf_of"), "only allowed when role is processor");
            }
            references(child(path, "data_subject_categories"), a.dataSubjectCategories(), subjects, "data subject category");
            references(child(path, "data_categories"), a.dataCategories(), categories, "data category");
            references(child(path, "security_measures"), a.securityMeasures(), measures, "security measure");
            references(child(path, "systems"), a.systems(), systems, "system");
            Recipients r = a.recipients();
            if (r != null) {
                String recipientsPath = child(path, "recipients");
                if (r.vendors().isEmpty() && r.internal().isEmpty()) {
                    problems.add(recipientsPath, "name at least one vendor or internal recipient");
                }
                references(child(recipientsPath, "vendors"), r.vendors(), vendors, "vendor");
                duplicates(child(recipientsPath, "internal"), r.internal(), "recipient");
                if (role == Role.PROCESSOR) {
                    for (int j = 0; j < r.vendors().size(); j++) {
                        String id = r.vendors().get(j);
                        String vendorPath = index(child(recipientsPath, "vendors"), j);
                        d.vendor(id).filter(v -> Boolean.FALSE.equals(v.subprocessor())).ifPresent(v -> problems.add(
                                vendorPath, "vendor '" + id + "' receives data of a processor activity but is marked subprocessor: false"));
                    }
                }
            }
            transfers(path, a);
        }
    }

    private void legalBasis(String path, ProcessingActivity a) {
        LegalBasis basis = a.legalBasis();
        if (basis == null) {
            return;
        }
        String basisPath = child(path, "legal_basis");
        if (a.role() == Role.PROCESSOR && basis != LegalBasis.ON_BEHALF_OF_CONTROLLER) {
            problems.add(basisPath, "processor activities use 'on behalf of controller' (the controller supplies the Art. 6 basis)");
        } else if (a.role() == Role.CONTROLLER && basis == LegalBasis.ON_BEHALF_OF_CONTROLLER) {
            problems.add(basisPath, "'on behalf of controller' is only for processor activities; give the Art. 6(1) basis");
        }
        if (basis == LegalBasis.LEGITIMATE_INTERESTS) {
            requiredWhen(child(path, "legitimate_interest"), a.legitimateInterest(), "legal_basis is Art. 6(1)(f)");
        } else if (a.legitimateInterest() != null) {
            problems.add(child(path, "legitimate_interest"), "only allowed when legal_basis is Art. 6(1)(f)");
        }
    }

    private void transfers(String path, ProcessingActivity a) {
        String transfersPath = child(path, "transfers");
        List<String> recipientVendors = a.recipients() == null ? List.of() : a.recipients().vendors();
        Set<String> declared = new HashSet<>();
        for (int k = 0; k < a.transfers().size(); k++) {
            Transfer t = a.transfers().get(k);
            if (t == null) {
                continue;
            }
            String transferPath = index(transfersPath, k);
            if (t.vendor() != null) {
                reference(child(transferPath, "vendor"), t.vendor(), vendors, "vendor");
                if (vendors.contains(t.vendor()) && a.recipients() != null && !recipientVendors.contains(t.vendor())) {
                    problems.add(child(transferPath, "vendor"), "'" + t.vendor() + "' is not among this activity's recipients.vendors");
                }
            }
            String countryPath = child(transferPath, "country");
            if (t.country() != null && country(countryPath, t.country())) {
                if (Countries.isEea(t.country())) {
                    problems.add(countryPath, t.country() + " is in the EEA; list only transfers to third countries");
                } else {
                    d.vendor(t.vendor()).filter(v -> countriesIntact(v) && !v.countries().contains(t.country())).ifPresent(v -> problems.add(
                            countryPath, "vendor '" + v.id() + "' does not list " + t.country() + " in its countries"));
                }
            }
            if (t.vendor() != null && t.country() != null && !declared.add(t.vendor() + "\u0000" + t.country())) {
                problems.add(transferPath, "duplicate transfer to '" + t.vendor() + "' in " + t.country());
            }
        }
        for (String vendorId : new LinkedHashSet<>(recipientVendors)) {
            d.vendor(vendorId).ifPresent(v -> {
                for (String third : v.thirdCountries()) {
                    if (Countries.isIsoCountry(third) && !declared.contains(vendorId + "\u0000" + third)) {
                        problems.add(transfersPath, "missing transfer to " + third + " for recipient vendor '" + vendorId + "'");
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- systems

    private void hostedSystems() {
        checkIds("systems", d.systems(), HostedSystem::id);
        for (int i = 0; i < d.systems().size(); i++) {
            HostedSystem s = d.systems().get(i);
            if (s == null) {
                continue;
            }
            String path = index("systems", i);
            reference(child(path, "hosting_vendor"), s.hostingVendor(), vendors, "vendor");
            boolean regionAllowed = false;
            if (s.region() != null && regions.complete()) {
                if (!regions.contains(s.region())) {
                    problems.add(child(path, "region"), "region '" + s.region() + "' is not in residency.allowed_regions");
                } else {
                    regionAllowed = true;
                    Region region = d.residency().region(s.region()).orElseThrow();
                    d.vendor(s.hostingVendor())
                            .filter(v -> region.country() != null && countriesIntact(v) && !v.countries().contains(region.country()))
                            .ifPresent(v -> problems.add(child(path, "region"), "region " + region.id() + " is in "
                                    + region.country() + ", which vendor '" + v.id() + "' does not list in its countries"));
                }
            }
            String categoriesPath = child(path, "data_categories");
            references(categoriesPath, s.dataCategories(), categories, "data category");
            if (regionAllowed) {
                for (int j = 0; j < s.dataCategories().size(); j++) {
                    String category = s.dataCategories().get(j);
                    if (category == null || !categories.contains(category)) {
                        continue;
                    }
                    List<String> declared = d.residency().declaredRegions(category);
                    if (!declared.contains(s.region())) {
                        problems.add(index(categoriesPath, j), "'" + category + "' is stored in " + s.region() + ", but "
                                + (declared.isEmpty()
                                        ? "residency.data_locations has no entry for it"
                                        : "residency.data_locations allows it only in " + String.join(", ", declared)));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- vendors

    private void vendorList() {
        checkIds("vendors", d.vendors(), Vendor::id);
        Integer noticeDays = d.organisation() == null ? null : d.organisation().subprocessorNoticeDays();
        for (int i = 0; i < d.vendors().size(); i++) {
            Vendor v = d.vendors().get(i);
            if (v == null) {
                continue;
            }
            String path = index("vendors", i);
            https(child(path, "url"), v.url());
            for (int j = 0; j < v.countries().size(); j++) {
                country(index(child(path, "countries"), j), v.countries().get(j));
            }
            duplicates(child(path, "countries"), v.countries(), "country");
            transferMechanism(path, v);
            notInFuture(child(path, "dpa_signed"), v.dpaSigned());
            notInFuture(child(path, "last_review"), v.lastReview());
            announcement(path, v, noticeDays);
            transferAssessment(path, v);
            if (v.isSubprocessor() && v.id() != null && activitiesIntact()
                    && d.processingActivities().stream().noneMatch(a -> a.role() == Role.PROCESSOR
                            && a.recipients().vendors().contains(v.id()))) {
                problems.add(child(path, "subprocessor"), "true, but the vendor is not a recipient of any processor activity");
            }
        }
    }

    private void transferAssessment(String path, Vendor v) {
        TransferAssessment t = v.transferAssessment();
        String tPath = child(path, "transfer_assessment");
        if (t == null) {
            if (v.needsTransferAssessment()) {
                problems.add(tPath, "required: " + String.join(", ", v.thirdCountries())
                        + " has no adequacy decision, so the transfer needs an assessment (EDPB Recommendations 01/2020)");
            }
            return;
        }
        if (!v.needsTransferAssessment()) {
            problems.add(tPath, "only for transfers that rely on SCCs, BCRs or a derogation");
            return;
        }
        notInFuture(child(tPath, "assessed_at"), t.assessedAt());
        if (t.assessedAt() != null && t.nextReview() != null && !t.nextReview().isAfter(t.assessedAt())) {
            problems.add(child(tPath, "next_review"), "must be after assessed_at " + t.assessedAt());
        }
    }

    /** Whether every activity has an id, a role and recipients (otherwise cross-checks against them are skipped). */
    private boolean activitiesIntact() {
        return activities.complete() && d.processingActivities().stream()
                .allMatch(a -> a.role() != null && a.recipients() != null && a.recipients().vendors().stream().allMatch(Objects::nonNull));
    }

    private void transferMechanism(String path, Vendor v) {
        TransferMechanism m = v.transferMechanism();
        if (m == null) {
            return;
        }
        String mPath = child(path, "transfer_mechanism");
        List<String> third = v.countries().stream()
                .filter(c -> Countries.isIsoCountry(c) && !Countries.isEea(c)).distinct().toList();
        if (m.type() != null) {
            String typePath = child(mPath, "type");
            String listed = String.join(", ", third);
            if (m.type() == TransferMechanism.Type.NONE) {
                if (!third.isEmpty()) {
                    problems.add(typePath, "'none', but " + listed + (third.size() == 1 ? " is" : " are")
                            + " outside the EEA; a transfer mechanism is required");
                }
            } else if (third.isEmpty() && !v.countries().isEmpty() && v.countries().stream().allMatch(Countries::isIsoCountry)) {
                problems.add(typePath, "all countries are in the EEA; use 'none'");
            }
            if (m.type() == TransferMechanism.Type.ADEQUACY) {
                List<String> notAdequate = third.stream().filter(c -> !Countries.hasAdequacyDecision(c)).toList();
                if (!notAdequate.isEmpty()) {
                    problems.add(typePath, "no EU adequacy decision covers " + String.join(", ", notAdequate)
                            + "; use sccs, bcrs or derogation");
                }
                if (third.contains("US") && !Boolean.TRUE.equals(m.dpfCertified())) {
                    problems.add(child(mPath, "dpf_certified"), "adequacy for US covers only organisations certified under the"
                            + " EU-US Data Privacy Framework; set dpf_certified: true once the certification is verified");
                }
            }
            if (m.type() == TransferMechanism.Type.SCCS) {
                if (m.sccsModules().isEmpty()) {
                    problems.add(child(mPath, "sccs_modules"), "required when type is sccs");
                } else if (v.isSubprocessor() && !m.sccsModules().contains(TransferMechanism.SccModule.THREE)) {
                    problems.add(child(mPath, "sccs_modules"), "a sub-processor needs Module Three (processor to processor)");
                }
                duplicates(child(mPath, "sccs_modules"),
                        m.sccsModules().stream().map(x -> x == null ? null : x.name().toLowerCase(Locale.ROOT)).toList(), "module");
            } else if (!m.sccsModules().isEmpty()) {
                problems.add(child(mPath, "sccs_modules"), "only allowed when type is sccs");
            }
            if (m.type() != TransferMechanism.Type.ADEQUACY && m.dpfCertified() != null) {
                problems.add(child(mPath, "dpf_certified"), "only allowed when type is adequacy");
            }
            if (m.type() == TransferMechanism.Type.DEROGATION) {
                requiredWhen(child(mPath, "derogation"), m.derogation(), "type is derogation");
            } else if (m.derogation() != null) {
                problems.add(child(mPath, "derogation"), "only allowed when type is derogation");
            }
        }
    }

    private void announcement(String path, Vendor v, Integer noticeDays) {
        notice(path, v, noticeDays, "", v.announcedAt(), v.effectiveAt());
        notice(path, v, noticeDays, "removal_", v.removalAnnouncedAt(), v.removalEffectiveAt());
        if (v.effectiveAt() != null && v.removalEffectiveAt() != null && !v.removalEffectiveAt().isAfter(v.effectiveAt())) {
            problems.add(child(path, "removal_effective_at"), "must be after effective_at " + v.effectiveAt());
        }
    }

    /** An Art. 28(2) change notice: both dates or neither, and at least the promised notice between them. */
    private void notice(String path, Vendor v, Integer noticeDays, String prefix, LocalDate announced, LocalDate effective) {
        int promised = noticeDays == null ? Organisation.DEFAULT_SUBPROCESSOR_NOTICE_DAYS : noticeDays;
        if (announced == null && effective != null) {
            problems.add(child(path, prefix + "announced_at"), "required when " + prefix + "effective_at is set");
        } else if (announced != null && effective == null) {
            problems.add(child(path, prefix + "effective_at"), "required when " + prefix + "announced_at is set");
        } else if (announced != null) {
            if (effective.isBefore(announced)) {
                problems.add(child(path, prefix + "effective_at"), effective + " is before " + prefix + "announced_at " + announced);
            } else if (v.isSubprocessor() && ChronoUnit.DAYS.between(announced, effective) < promised) {
                problems.add(child(path, prefix + "effective_at"), "only " + ChronoUnit.DAYS.between(announced, effective)
                        + " days after " + prefix + "announced_at; customers are promised " + promised + " days' notice"
                        + " (organisation.subprocessor_notice_days)");
            }
        }
    }

    // ---------------------------------------------------------------- residency

    private void residency() {
        Residency r = d.residency();
        if (r == null) {
            return;
        }
        checkIds("residency.allowed_regions", r.allowedRegions(), Region::id);
        for (int i = 0; i < r.allowedRegions().size(); i++) {
            Region region = r.allowedRegions().get(i);
            if (region == null) {
                continue;
            }
            String path = index("residency.allowed_regions", i);
            reference(child(path, "provider"), region.provider(), vendors, "vendor");
            country(child(path, "country"), region.country());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < r.dataLocations().size(); i++) {
            DataLocation l = r.dataLocations().get(i);
            if (l == null) {
                continue;
            }
            String path = index("residency.data_locations", i);
            if (l.dataCategory() != null) {
                reference(child(path, "data_category"), l.dataCategory(), categories, "data category");
                Integer first = seen.putIfAbsent(l.dataCategory(), i);
                if (first != null) {
                    problems.add(child(path, "data_category"), "duplicate entry for '" + l.dataCategory()
                            + "' (first at residency.data_locations[" + first + "])");
                }
            }
            references(child(path, "regions"), l.regions(), regions, "region",
                    id -> "region '" + id + "' is not in residency.allowed_regions");
        }
    }

    // ---------------------------------------------------------------- scoping

    private void scoping() {
        Scoping s = d.scoping();
        if (s == null) {
            return;
        }
        exclusions("scoping.iso_exclusions", s.isoExclusions(), ISO_PREFIX, "an ISO 27001 control ID (e.g. ISO27001:A.7.1)");
        exclusions("scoping.gdpr_not_applicable", s.gdprNotApplicable(), GDPR_PREFIX, "a GDPR article ID (e.g. GDPR:Art.8)");
        for (int i = 0; i < s.gdprNotApplicable().size(); i++) {
            ControlExclusion e = s.gdprNotApplicable().get(i);
            if (e == null || e.control() == null) {
                continue;
            }
            String path = child(index("scoping.gdpr_not_applicable", i), "control");
            if (e.control().equals("GDPR:Art.9")) {
                d.dataCategories().stream().filter(c -> c != null && c.isSpecial()).findFirst().ifPresent(c -> problems.add(
                        path, "GDPR:Art.9 is declared not applicable, but data category '" + c.id() + "' is special category"));
            }
            if (e.control().equals("GDPR:Art.27") && d.organisation() != null && d.organisation().address() != null) {
                String country = d.organisation().address().country();
                if (Countries.isIsoCountry(country) && !Countries.isEea(country)) {
                    problems.add(path, "GDPR:Art.27 is declared not applicable, but the organisation is established in "
                            + country + " (outside the EEA)");
                }
            }
        }
    }

    private void exclusions(String listPath, List<ControlExclusion> list, String prefix, String expected) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ControlExclusion e = list.get(i);
            if (e == null || e.control() == null) {
                continue;
            }
            String path = child(index(listPath, i), "control");
            if (!e.control().startsWith(prefix)) {
                problems.add(path, "'" + e.control() + "' is not " + expected);
            } else if (!knownControlId.test(e.control())) {
                problems.add(path, "unknown control ID '" + e.control() + "'");
            }
            Integer first = seen.putIfAbsent(e.control(), i);
            if (first != null) {
                problems.add(path, "duplicate entry for " + e.control() + " (first at " + index(listPath, first) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- shared checks

    private <T> void checkIds(String listPath, List<T> items, Function<T, String> id) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String value = item == null ? null : id.apply(item);
            if (value == null) {
                continue;
            }
            String path = child(index(listPath, i), "id");
            if (!SLUG.matcher(value).matches()) {
                problems.add(path, "'" + value + "' is not a valid id (use lower-case letters, digits and '-',"
                        + " starting with a letter or digit)");
            }
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                problems.add(path, "duplicate id '" + value + "' (first used at " + index(listPath, first) + ")");
            }
        }
    }

    private void references(String listPath, List<String> ids, IdSpace space, String kind) {
        references(listPath, ids, space, kind, id -> "unknown " + kind + " '" + id + "'");
    }

    private void references(String listPath, List<String> ids, IdSpace space, String kind, Function<String, String> unknown) {
        for (int j = 0; j < ids.size(); j++) {
            String id = ids.get(j);
            if (id != null && space.complete() && !space.contains(id)) {
                problems.add(index(listPath, j), unknown.apply(id));
            }
        }
        duplicates(listPath, ids, kind);
    }

    private void reference(String path, String id, IdSpace space, String kind) {
        if (id != null && space.complete() && !space.contains(id)) {
            problems.add(path, "unknown " + kind + " '" + id + "'");
        }
    }

    private void duplicates(String listPath, List<String> values, String kind) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < values.size(); j++) {
            String value = values.get(j);
            if (value == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(value, j);
            if (first != null) {
                problems.add(index(listPath, j), "duplicate " + kind + " '" + value + "' (first at " + index(listPath, first) + ")");
            }
        }
    }

    /** Whether a vendor's country list is present and fully valid (otherwise its problems are already reported). */
    private static boolean countriesIntact(Vendor v) {
        return !v.countries().isEmpty() && v.countries().stream().allMatch(Countries::isIsoCountry);
    }

    private void notInFuture(String path, LocalDate date) {
        if (date != null && date.isAfter(today)) {
            problems.add(path, date + " is in the future (today is " + today + ")");
        }
    }

    private void requiredWhen(String path, Object value, String condition) {
        if (value == null) {
            problems.add(path, "required when " + condition);
        }
    }

    private void https(String path, String url) {
        if (url != null && !isHttpsUrl(url)) {
            problems.add(path, "not an https URL");
        }
    }

    static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void email(String path, String email) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(path, "not a valid email address");
        }
    }

    /** Reports an invalid country code; returns whether the code is valid. */
    private boolean country(String path, String code) {
        if (code == null) {
            return false;
        }
        if (Countries.isIsoCountry(code)) {
            return true;
        }
        String hint = "";
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.equals(code) && Countries.isIsoCountry(upper)) {
            hint = " (write it in upper case: " + upper + ")";
        } else if (upper.equals("UK")) {
            hint = " (the United Kingdom is GB)";
        } else if (upper.equals("EL")) {
            hint = " (Greece is GR)";
        }
        problems.add(path, "'" + code + "' is not an ISO 3166-1 alpha-2 country code" + hint);
        return false;
    }

    /** Ids declared in one list; incomplete if an entry or its id is missing (then dangling references are not reported). */
    private record IdSpace(Set<String> ids, boolean complete) {
        static <T> IdSpace of(List<T> items, Function<T, String> id) {
            Set<String> ids = new HashSet<>();
            boolean complete = true;
            for (T item : items) {
                String value = item == null ? null : id.apply(item);
                if (value == null) {
                    complete = false;
                } else {
                    ids.add(value);
                }
            }
            return new IdSpace(ids, complete);
        }

        static IdSpace incomplete() {
            return new IdSpace(Set.of(), false);
        }

        boolean contains(String id) {
            return ids.contains(id);
        }
    }
}
