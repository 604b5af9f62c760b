package org.trustledger.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.stream.Collectors;
import org.trustledger.config.OptionalField;

/**
 * The GDPR Chapter V tool that covers a vendor's third-country processing.
 * <pre>
 * transfer_mechanism: {type: none}                               # all countries in the EEA
 * transfer_mechanism: {type: adequacy, dpf_certified: true}      # Art. 45; US needs DPF certification
 * transfer_mechanism: {type: sccs, sccs_modules: [two, three]}   # Art. 46(2)(c), Decision (EU) 2021/914
 * transfer_mechanism: {type: bcrs}                               # Art. 47
 * transfer_mechanism: {type: derogation, derogation: "Art. 49(1)(b)"}
 * </pre>
 *
 * @param sccsModules required for, and only allowed with, {@link Type#SCCS}
 * @param dpfCertified only with {@link Type#ADEQUACY}; must be true if the vendor lists US
 * @param derogation the Art. 49(1) point relied on; required for, and only allowed with, {@link Type#DEROGATION}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransferMechanism(
        Type type,
        @OptionalField List<SccModule> sccsModules,
        @OptionalField Boolean dpfCertified,
        @OptionalField String derogation) {

    public TransferMechanism {
        sccsModules = Lists.copy(sccsModules);
    }

    /** Kind of transfer tool. */
    public enum Type {
        /** No third-country processing: every country is in the EEA. */
        @JsonProperty("none") NONE,
        /** Art. 45 adequacy decision. */
        @JsonProperty("adequacy") ADEQUACY,
        /** Standard contractual clauses, Commission Implementing Decision (EU) 2021/914. */
        @JsonProperty("sccs") SCCS,
        /** Binding corporate rules, Art. 47. */
        @JsonProperty("bcrs") BCRS,
        /** Derogation for specific situations, Art. 49. */
        @JsonProperty("derogation") DEROGATION
    }

    /** Module of the 2021/914 SCCs. */
    public enum SccModule {
        @JsonProperty("one") ONE("Module One", "controller to controller"),
        @JsonProperty("two") TWO("Module Two", "controller to processor"),
        @JsonProperty("three") THREE("Module Three", "processor to processor"),
        @JsonProperty("four") FOUR("Module Four", "processor to controller");

        private final String label;
        private final String parties;

        SccModule(String label, String parties) {
            this.label = label;
            this.parties = parties;
        }

        /** E.g. {@code Module Two}. */
        public String label() {
            return label;
        }

        /** E.g. {@code controller to processor}. */
        public String parties() {
            return parties;
        }
    }

    /**
     * Human-readable form for reports, e.g. {@code none (EEA)},
     * {@code adequacy (Art. 45): EU-US Data Privacy Framework}, {@code SCCs 2021/914 Module Two + Module Three}.
     */
    public String describe() {
        if (type == null) {
            return "unspecified";
        }
        return switch (type) {
            case NONE -> "none (EEA)";
            case ADEQUACY -> Boolean.TRUE.equals(dpfCertified)
                    ? "adequacy (Art. 45): EU-US Data Privacy Framework"
                    : "adequacy (Art. 45)";
            case SCCS -> "SCCs 2021/914 " + sccsModules.stream()
                    .map(m -> m == null ? "?" : m.label()).collect(Collectors.joining(" + "));
            case BCRS -> "BCRs (Art. 47)";
            case DEROGATION -> "Art. 49 derogation: " + derogation;
        };
    }
}
