package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** Scoping: the ISO 27001 exclusions and the GDPR articles declared not applicable. */
final class ScopingCheck extends DescriptionCheck {
    private static final String ISO_PREFIX = "ISO27001:";
    private static final String GDPR_PREFIX = "GDPR:";

    ScopingCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        scoping();
    }

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
}
