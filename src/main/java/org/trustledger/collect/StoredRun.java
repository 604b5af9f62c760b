package org.trustledger.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.trustledger.tlog.Codec;

/** A row of {@code collector_run}: one recorded run, with the leaf index of its evidence item. */
@Entity
@Table(name = "collector_run")
public class StoredRun extends PanacheEntityBase {

    /** Only for reading back payloads this application stored; never for request bodies. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "collector_id")
    public String collectorId;

    public String origin;

    @Column(name = "triggered_by")
    public String triggeredBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "collected_at")
    public Instant collectedAt;

    @Column(name = "observed_at")
    public Instant observedAt;

    public String status;

    public String summary;

    /** The canonical JSON text; the column is JSONB, so PostgreSQL checks and stores it as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "CAST(? AS JSONB)")
    public String payload;

    @Column(name = "payload_sha256")
    public byte[] payloadSha256;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] controls;

    @Column(name = "evidence_index")
    public Long evidenceIndex;

    CollectorRun view() {
        try {
            return new CollectorRun(id, collectorId, origin, triggeredBy, startedAt, finishedAt, collectedAt, observedAt, RunStatus.parse(status),
                    summary, JSON.readTree(payload), Codec.toHex(payloadSha256), List.of(controls), evidenceIndex);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored payload of run " + id + " is not JSON", e);
        }
    }
}
