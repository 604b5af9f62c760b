package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * The organisation that the description is about: Art. 30(1)(a) and 30(2)(a) data.
 *
 * @param roles the GDPR roles it takes in at least one activity (controller and/or processor)
 * @param subprocessorNoticeDays advance notice, in days, promised to customers before a new
 *        sub-processor starts (Art. 28(2)); optional
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Organisation(
        String name,
        String legalEntity,
        String website,
        Address address,
        List<Role> roles,
        Contacts contacts,
        Dpo dpo,
        EuRepresentative euRepresentative,
        SupervisoryAuthority supervisoryAuthority,
        @OptionalField Integer subprocessorNoticeDays) {

    /** Art. 28(2) notice period when the file does not state one. */
    public static final int DEFAULT_SUBPROCESSOR_NOTICE_DAYS = 30;

    /** Days of notice customers get before a sub-processor change takes effect. */
    public int noticeDays() {
        return subprocessorNoticeDays == null ? DEFAULT_SUBPROCESSOR_NOTICE_DAYS : subprocessorNoticeDays;
    }

    public Organisation {
        roles = Lists.copy(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
