package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * A technical or organisational measure (Art. 32), referenced by processing activities.
 *
 * @param controls catalog control IDs (any framework) that the measure implements; optional
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SecurityMeasure(String id, String description, @OptionalField List<String> controls) {

    public SecurityMeasure {
        controls = Lists.copy(controls);
    }
}
