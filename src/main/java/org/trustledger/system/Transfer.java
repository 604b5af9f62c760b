package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A third-country transfer in a processing activity (Art. 30(1)(e), 30(2)(c)): personal data reaches
 * {@code vendor} in {@code country}, which is outside the EEA. The transfer tool is not repeated here:
 * it is the vendor's {@link Vendor#transferMechanism()}; see {@link SystemDescription#transferMechanism(Transfer)}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Transfer(String vendor, String country) {
}
