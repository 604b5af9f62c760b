package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * Recipients of an activity's data (Art. 30(1)(d)). {@code vendors} are vendor ids; {@code internal}
 * names internal teams or roles. At least one of the two lists must be non-empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Recipients(@OptionalField List<String> vendors, @OptionalField List<String> internal) {

    public Recipients {
        vendors = Lists.copy(vendors);
        internal = Lists.copy(internal);
    }
}
