package io.salesrisk.ruleset.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One file of a rule-set version, byte for byte. */
@Entity
@Table(name = "rule_set_files")
@IdClass(RuleSetFileEntity.Key.class)
public class RuleSetFileEntity extends PanacheEntityBase {

    /** Version and path. */
    public record Key(String version, String path) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String version;
    @Id
    public String path;
    public String sha256;
    public byte[] content;
}
