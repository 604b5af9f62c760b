package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** The inventories that activities point into: data subject and data categories, security measures. */
final class InventoryCheck extends DescriptionCheck {
    InventoryCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        checkIds("data_subject_categories", d.dataSubjectCategories(), DataSubjectCategory::id);
        checkIds("data_categories", d.dataCategories(), DataCategory::id);
        securityMeasures();
    }

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
}
