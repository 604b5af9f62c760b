package org.trustledger.system;

import java.util.Locale;
import java.util.Set;

/** Country lists used to decide whether a data flow is a GDPR Chapter V transfer and which tool it needs. */
public final class Countries {
    private Countries() {
    }

    /**
     * European Economic Area: the 27 EU member states plus Iceland, Liechtenstein and Norway. Flows to
     * these countries are not third-country transfers. Greece is {@code GR} in ISO 3166-1, though the
     * EU itself writes {@code EL}.
     */
    public static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    /**
     * Third countries with an EU adequacy decision under GDPR Art. 45 (or under Directive 95/46/EC,
     * still in force through Art. 45(9)). Source: European Commission, "Adequacy decisions",
     * https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en
     * (list as known in 2026; check that page before relying on it). Caveats:
     * CA covers only commercial organisations subject to PIPEDA. JP covers the private sector (APPI).
     * US covers only organisations certified under the EU-US Data Privacy Framework (Decision (EU)
     * 2023/1795 of 10 July 2023), which is why vendors must also declare {@code dpf_certified: true}.
     * GB is Decision (EU) 2021/1772, which was time-limited and then renewed.
     */
    public static final Set<String> ADEQUACY = Set.of(
            "AD", // Andorra
            "AR", // Argentina
            "CA", // Canada (commercial organisations, PIPEDA)
            "FO", // Faroe Islands
            "GG", // Guernsey
            "IL", // Israel
            "IM", // Isle of Man
            "JP", // Japan
            "JE", // Jersey
            "NZ", // New Zealand
            "KR", // Republic of Korea
            "CH", // Switzerland
            "GB", // United Kingdom
            "UY", // Uruguay
            "US"); // United States (EU-US Data Privacy Framework, certified organisations only)

    private static final Set<String> ISO_3166 = Set.of(Locale.getISOCountries());

    /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code (upper case). */
    public static boolean isIsoCountry(String code) {
        return code != null && code.matches("[A-Z]{2}") && ISO_3166.contains(code);
    }

    public static boolean isEea(String code) {
        return EEA.contains(code);
    }

    /** Whether personal data may flow to {@code code} without an Art. 46 tool: the EEA or an adequate country. */
    public static boolean hasAdequacyDecision(String code) {
        return ADEQUACY.contains(code);
    }
}
