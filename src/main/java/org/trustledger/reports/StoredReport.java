package org.trustledger.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;

/** A row of {@code report}: one rendering with the exact bytes served for download. */
@Entity
@Table(name = "report")
public class StoredReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    public String subject;

    public String period;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "generated_by")
    public String generatedBy;

    public byte[] sha256;

    public byte[] html;

    /** The size of the HTML, computed by the database so listings need not load the document. */
    @Formula("octet_length(html)")
    public int size;
}
