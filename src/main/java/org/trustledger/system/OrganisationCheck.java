package org.trustledger.system;

import static org.trustledger.config.Problems.child;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** The organisation: review date, website, address, contacts, DPO, EU representative, supervisory authority. */
final class OrganisationCheck extends DescriptionCheck {
    OrganisationCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        notInFuture("last_reviewed", d.lastReviewed());
        organisation();
    }

    private void organisation() {
        Organisation o = d.organisation();
        if (o == null) {
            return;
        }
        String path = "organisation";
        https(child(path, "website"), o.website());
        if (o.address() != null) {
            country(child(path, "address.country"), o.address().country());
        }
        duplicates(child(path, "roles"), o.roles().stream().map(r -> r == null ? null : r.yamlValue()).toList(), "role");
        Contacts c = o.contacts();
        if (c != null) {
            email(child(path, "contacts.general_email"), c.generalEmail());
            email(child(path, "contacts.security_email"), c.securityEmail());
            email(child(path, "contacts.privacy_email"), c.privacyEmail());
        }
        dpo(child(path, "dpo"), o.dpo());
        EuRepresentative rep = o.euRepresentative();
        if (rep != null && rep.required() != null) {
            String repPath = child(path, "eu_representative");
            if (rep.required()) {
                requiredWhen(child(repPath, "name"), rep.name(), "required is true");
                requiredWhen(child(repPath, "email"), rep.email(), "required is true");
                email(child(repPath, "email"), rep.email());
            } else {
                requiredWhen(child(repPath, "reason"), rep.reason(), "required is false");
            }
        }
        SupervisoryAuthority sa = o.supervisoryAuthority();
        if (sa != null) {
            country(child(path, "supervisory_authority.country"), sa.country());
            https(child(path, "supervisory_authority.url"), sa.url());
        }
        if (o.subprocessorNoticeDays() != null && o.subprocessorNoticeDays() < 0) {
            problems.add(child(path, "subprocessor_notice_days"), "must not be negative");
        }
    }

    private void dpo(String path, Dpo dpo) {
        if (dpo == null || dpo.appointed() == null) {
            return;
        }
        if (dpo.appointed()) {
            requiredWhen(child(path, "name"), dpo.name(), "appointed is true");
            requiredWhen(child(path, "email"), dpo.email(), "appointed is true");
            email(child(path, "email"), dpo.email());
        } else {
            requiredWhen(child(path, "reason"), dpo.reason(), "appointed is false");
            requiredWhen(child(path, "privacy_lead"), dpo.privacyLead(), "appointed is false");
        }
        if (dpo.privacyLead() != null) {
            email(child(path, "privacy_lead.email"), dpo.privacyLead().email());
        }
    }
}
