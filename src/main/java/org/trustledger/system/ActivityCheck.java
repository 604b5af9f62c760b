package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** Processing activities: role, legal basis, references, recipients and third-country transfers. */
final class ActivityCheck extends DescriptionCheck {
    ActivityCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        processingActivities();
    }

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
}
