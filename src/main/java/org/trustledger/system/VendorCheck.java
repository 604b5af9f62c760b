package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** Vendors: URL, countries, transfer mechanism and assessment, sub-processor change notices. */
final class VendorCheck extends DescriptionCheck {
    VendorCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        vendorList();
    }

    private void vendorList() {
        checkIds("vendors", d.vendors(), Vendor::id);
        Integer noticeDays = d.organisation() == null ? null : d.organisation().subprocessorNoticeDays();
        for (int i = 0; i < d.vendors().size(); i++) {
            Vendor v = d.vendors().get(i);
            if (v == null) {
                continue;
            }
            String path = index("vendors", i);
            https(child(path, "url"), v.url());
            for (int j = 0; j < v.countries().size(); j++) {
                country(index(child(path, "countries"), j), v.countries().get(j));
            }
            duplicates(child(path, "countries"), v.countries(), "country");
            transferMechanism(path, v);
            notInFuture(child(path, "dpa_signed"), v.dpaSigned());
            notInFuture(child(path, "last_review"), v.lastReview());
            announcement(path, v, noticeDays);
            transferAssessment(path, v);
            if (v.isSubprocessor() && v.id() != null && activitiesIntact()
                    && d.processingActivities().stream().noneMatch(a -> a.role() == Role.PROCESSOR
                            && a.recipients().vendors().contains(v.id()))) {
                problems.add(child(path, "subprocessor"), "true, but the vendor is not a recipient of any processor activity");
            }
        }
    }

    private void transferAssessment(String path, Vendor v) {
        TransferAssessment t = v.transferAssessment();
        String tPath = child(path, "transfer_assessment");
        if (t == null) {
            if (v.needsTransferAssessment()) {
                problems.add(tPath, "required: " + String.join(", ", v.thirdCountries())
                        + " has no adequacy decision, so the transfer needs an assessment (EDPB Recommendations 01/2020)");
            }
            return;
        }
        if (!v.needsTransferAssessment()) {
            problems.add(tPath, "only for transfers that rely on SCCs, BCRs or a derogation");
            return;
        }
        notInFuture(child(tPath, "assessed_at"), t.assessedAt());
        if (t.assessedAt() != null && t.nextReview() != null && !t.nextReview().isAfter(t.assessedAt())) {
            problems.add(child(tPath, "next_review"), "must be after assessed_at " + t.assessedAt());
        }
    }

    /** Whether every activity has an id, a role and recipients (otherwise cross-checks against them are skipped). */
    private boolean activitiesIntact() {
        return activities.complete() && d.processingActivities().stream()
                .allMatch(a -> a.role() != null && a.recipients() != null && a.recipients().vendors().stream().allMatch(Objects::nonNull));
    }

    private void transferMechanism(String path, Vendor v) {
        TransferMechanism m = v.transferMechanism();
        if (m == null) {
            return;
        }
        String mPath = child(path, "transfer_mechanism");
        List<String> third = v.countries().stream()
                .filter(c -> Countries.isIsoCountry(c) && !Countries.isEea(c)).distinct().toList();
        if (m.type() != null) {
            String typePath = child(mPath, "type");
            String listed = String.join(", ", third);
            if (m.type() == TransferMechanism.Type.NONE) {
                if (!third.isEmpty()) {
                    problems.add(typePath, "'none', but " + listed + (third.size() == 1 ? " is" : " are")
                            + " outside the EEA; a transfer mechanism is required");
                }
            } else if (third.isEmpty() && !v.countries().isEmpty() && v.countries().stream().allMatch(Countries::isIsoCountry)) {
                problems.add(typePath, "all countries are in the EEA; use 'none'");
            }
            if (m.type() == TransferMechanism.Type.ADEQUACY) {
                List<String> notAdequate = third.stream().filter(c -> !Countries.hasAdequacyDecision(c)).toList();
                if (!notAdequate.isEmpty()) {
                    problems.add(typePath, "no EU adequacy decision covers " + String.join(", ", notAdequate)
                            + "; use sccs, bcrs or derogation");
                }
                if (third.contains("US") && !Boolean.TRUE.equals(m.dpfCertified())) {
                    problems.add(child(mPath, "dpf_certified"), "adequacy for US covers only organisations certified under the"
                            + " EU-US Data Privacy Framework; set dpf_certified: true once the certification is verified");
                }
            }
            if (m.type() == TransferMechanism.Type.SCCS) {
                if (m.sccsModules().isEmpty()) {
                    problems.add(child(mPath, "sccs_modules"), "required when type is sccs");
                } else if (v.isSubprocessor() && !m.sccsModules().contains(TransferMechanism.SccModule.THREE)) {
                    problems.add(child(mPath, "sccs_modules"), "a sub-processor needs Module Three (processor to processor)");
                }
                duplicates(child(mPath, "sccs_modules"),
                        m.sccsModules().stream().map(x -> x == null ? null : x.name().toLowerCase(Locale.ROOT)).toList(), "module");
            } else if (!m.sccsModules().isEmpty()) {
                problems.add(child(mPath, "sccs_modules"), "only allowed when type is sccs");
            }
            if (m.type() != TransferMechanism.Type.ADEQUACY && m.dpfCertified() != null) {
                problems.add(child(mPath, "dpf_certified"), "only allowed when type is adequacy");
            }
            if (m.type() == TransferMechanism.Type.DEROGATION) {
                requiredWhen(child(mPath, "derogation"), m.derogation(), "type is derogation");
            } else if (m.derogation() != null) {
                problems.add(child(mPath, "derogation"), "only allowed when type is derogation");
            }
        }
    }

    private void announcement(String path, Vendor v, Integer noticeDays) {
        notice(path, v, noticeDays, "", v.announcedAt(), v.effectiveAt());
        notice(path, v, noticeDays, "removal_", v.removalAnnouncedAt(), v.removalEffectiveAt());
        if (v.effectiveAt() != null && v.removalEffectiveAt() != null && !v.removalEffectiveAt().isAfter(v.effectiveAt())) {
            problems.add(child(path, "removal_effective_at"), "must be after effective_at " + v.effectiveAt());
        }
    }

    /** An Art. 28(2) change notice: both dates or neither, and at least the promised notice between them. */
    private void notice(String path, Vendor v, Integer noticeDays, String prefix, LocalDate announced, LocalDate effective) {
        int promised = noticeDays == null ? Organisation.DEFAULT_SUBPROCESSOR_NOTICE_DAYS : noticeDays;
        if (announced == null && effective != null) {
            problems.add(child(path, prefix + "announced_at"), "required when " + prefix + "effective_at is set");
        } else if (announced != null && effective == null) {
            problems.add(child(path, prefix + "effective_at"), "required when " + prefix + "announced_at is set");
        } else if (announced != null) {
            if (effective.isBefore(announced)) {
                problems.add(child(path, prefix + "effective_at"), effective + " is before " + prefix + "announced_at " + announced);
            } else if (v.isSubprocessor() && ChronoUnit.DAYS.between(announced, effective) < promised) {
                problems.add(child(path, prefix + "effective_at"), "only " + ChronoUnit.DAYS.between(announced, effective)
                        + " days after " + prefix + "announced_at; customers are promised " + promised + " days' notice"
                        + " (organisation.subprocessor_notice_days)");
            }
        }
    }
}
