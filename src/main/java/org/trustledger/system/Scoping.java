package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * ISMS scope and the controls that do not apply. This is the input to the Statement of Applicability.
 *
 * @param ismsScope the ISO/IEC 27001 clause 4.3 scope statement
 * @param isoExclusions excluded ISO/IEC 27001 Annex A controls ({@code ISO27001:...}) with justification
 * @param gdprNotApplicable GDPR articles ({@code GDPR:Art.n}) that do not apply to the organisation, with reason
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Scoping(
        String ismsScope,
        @OptionalField List<ControlExclusion> isoExclusions,
        @OptionalField List<ControlExclusion> gdprNotApplicable) {

    public Scoping {
        isoExclusions = Lists.copy(isoExclusions);
        gdprNotApplicable = Lists.copy(gdprNotApplicable);
    }
}
