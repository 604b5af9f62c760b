package org.trustledger.system;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/**
 * Semantic checks of a bound (possibly partial) description, one group per section, in the order the
 * sections appear in the file so problems read top to bottom.
 */
final class SystemDescriptionValidator {
    private final List<DescriptionCheck> checks;

    SystemDescriptionValidator(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        this.checks = List.of(
                new OrganisationCheck(d, problems, knownControlId, today),
                new InventoryCheck(d, problems, knownControlId, today),
                new ActivityCheck(d, problems, knownControlId, today),
                new SystemsCheck(d, problems, knownControlId, today),
                new VendorCheck(d, problems, knownControlId, today),
                new ResidencyCheck(d, problems, knownControlId, today),
                new ScopingCheck(d, problems, knownControlId, today));
    }

    void validate() {
        checks.forEach(DescriptionCheck::check);
    }
}
