package org.trustledger.controls;

/** One requirement of a framework, e.g. ISO27001:A.5.1 or SOC2:CC6.1 or GDPR:Art.32. */
public record Control(String id, String framework, String title, String group) {
}
