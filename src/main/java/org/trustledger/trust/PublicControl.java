package org.trustledger.trust;

import java.util.List;

/**
 * What the public trust center shows about one control, and nothing more: the single place that decides
 * which facts leave the building (no evidence payloads, no internal notes, no staff names).
 */
public record PublicControl(String id, String title, String group, boolean applicable, String justification, List<String> related) {
}
