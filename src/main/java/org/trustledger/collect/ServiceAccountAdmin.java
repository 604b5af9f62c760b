package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.GovernanceLog;

/**
 * What the console's account pages and {@link ServiceAccountResource} need of service accounts on top of
 * {@link ServiceAccounts} and {@link ServiceTokens}: bounded pages for lists, and the admin changes (disable, enable,
 * revoke a token) with their governance events in the same transaction.
 */
@ApplicationScoped
public class ServiceAccountAdmin {

    private final ServiceAccounts accounts;
    private final ServiceTokens tokens;
    private final GovernanceLog governance;

    public ServiceAccountAdmin(ServiceAccounts accounts, ServiceTokens tokens, GovernanceLog governance) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.governance = governance;
    }

    /** One page of service accounts by name (the unique index). */
    @Transactional
    public List<ServiceAccounts.Account> page(int offset, int limit) {
        return ServiceAccount.<ServiceAccount>find("order by name").range(offset, offset + limit - 1).list().stream()
                .map(ServiceAccount::view).toList();
    }

    /** One page of an account's tokens, newest first, with their scopes read in one query for the page. */
    @Transactional
    public List<ServiceTokens.AccountToken> tokens(long accountId, int offset, int limit) {
        List<ServiceToken> page = ServiceToken.<ServiceToken>find("accountId = ?1 order by id desc", accountId)
                .range(offset, offset + limit - 1).list();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> scopes = ServiceToken.getEntityManager()
                .createQuery("select s.key.tokenId, s.key.collectorId from ServiceTokenScope s where s.key.tokenId in :ids"
                        + " order by s.key.collectorId", Object[].class)
                .setParameter("ids", page.stream().map(t -> t.id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.mapping(r -> ServiceTokens.SCOPE_PREFIX + r[1], Collectors.toList())));
        return page.stream().map(t -> new ServiceTokens.AccountToken(t.id, t.accountId, scopes.getOrDefault(t.id, List.of()), t.label,
                t.createdAt, t.createdBy, t.expiresAt, t.revokedAt, t.revokedBy, t.lastUsedAt)).toList();
    }

    /** Revokes a token of the account (a second revocation keeps the first); a governance event either way, as in the API. */
    @Transactional
    public ServiceTokens.AccountToken revokeToken(String actor, long accountId, long tokenId) {
        ServiceAccounts.Account a = require(accountId);
        ServiceTokens.AccountToken t = tokens.revokeForAccount(a.id(), tokenId, actor)
                .orElseThrow(() -> DomainException.notFound("No such token for this service account."));
        governance.record(GovernanceLog.SERVICE_ACCOUNT_CHANGED, actor, "service:" + a.name(), Map.of("action", "token_revoked", "token_id", t.id()));
        return t;
    }

    /** Disables (its tokens are refused from then on) or enables the account. */
    @Transactional
    public ServiceAccounts.Account setDisabled(String actor, long accountId, boolean disabled) {
        ServiceAccounts.Account a = accounts.setDisabled(require(accountId).id(), disabled).orElseThrow();
        governance.record(GovernanceLog.SERVICE_ACCOUNT_CHANGED, actor, "service:" + a.name(), Map.of("action", disabled ? "disabled" : "enabled"));
        return a;
    }

    private ServiceAccounts.Account require(long id) {
        return accounts.find(id).orElseThrow(() -> DomainException.notFound("No such service account."));
    }
}
