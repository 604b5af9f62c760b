package org.trustledger.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record NewAccountRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,62}$", message = "must be 2-63 characters of a-z, 0-9, '.', '_' or '-'")
        String username,
        @NotBlank(message = "is required") @Size(max = 256, message = "must be at most 256 characters") String password,
        @NotEmpty(message = "must name at least one role") @Size(max = 4, message = "must name at most 4 roles")
        List<@NotNull(message = "must not be null") @Pattern(regexp = "admin|compliance|privacy|auditor", message = "must be one of admin, compliance, privacy, auditor") String> roles) {
}
