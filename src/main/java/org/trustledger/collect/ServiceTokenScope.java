package org.trustledger.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code collector_token_scope}: one collector a token may push evidence for. */
@Entity
@Table(name = "collector_token_scope")
public class ServiceTokenScope extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** The primary key (token, collector). */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "token_id")
        public long tokenId;

        @Column(name = "collector_id")
        public String collectorId;

        public Key() {
        }

        Key(long tokenId, String collectorId) {
            this.tokenId = tokenId;
            this.collectorId = collectorId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tokenId == tokenId && Objects.equals(k.collectorId, collectorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tokenId, collectorId);
        }
    }
}
