package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.RunContext;
import org.trustledger.system.DataLocation;
import org.trustledger.system.HostedSystem;
import org.trustledger.system.Region;
import org.trustledger.system.SystemDescription;

/**
 * Data residency (GDPR Art. 44): every hosted system runs in an allowed region, every data-location commitment
 * names allowed regions only, and every data category a system stores is declared for that system's region.
 * Start-up already refuses most violations; this re-checks the loaded model and records what was checked
 * (systems and their regions) as evidence.
 */
@ApplicationScoped
public class ResidencyCollector extends BaseCollectorType {

    private final SystemDescription system;

    public ResidencyCollector(SystemDescription system) {
        super("residency");
        this.system = system;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        return check(system);
    }

    /** The judgement over a given model, so that tests can pass a modified one. */
    public CollectorResult check(SystemDescription model) {
        ObjectNode payload = CollectorResult.object();
        List<String> allowed = model.residency().allowedRegions().stream().map(Region::id).toList();
        ArrayNode regions = payload.putArray("allowed_regions");
        for (Region r : model.residency().allowedRegions()) {
            regions.addObject().put("id", r.id()).put("provider", r.provider()).put("country", r.country());
        }
        List<String> violations = new ArrayList<>();
        ArrayNode systems = payload.putArray("systems");
        for (HostedSystem s : model.systems()) {
            boolean ok = allowed.contains(s.region());
            systems.addObject().put("id", s.id()).put("region", s.region()).put("allowed", ok)
                    .set("data_categories", CollectorResult.strings(s.dataCategories()));
            if (!ok) {
                violations.add("system " + s.id() + " runs in " + s.region() + ", not an allowed region");
            }
            for (String category : s.dataCategories()) {
                List<String> declared = model.residency().declaredRegions(category);
                if (!declared.isEmpty() && !declared.contains(s.region())) {
                    violations.add("system " + s.id() + " stores " + category + " in " + s.region() + ", outside its declared regions " + declared);
                }
            }
        }
        ArrayNode locations = payload.putArray("data_locations");
        for (DataLocation l : model.residency().dataLocations()) {
            locations.addObject().put("data_category", l.dataCategory()).set("regions", CollectorResult.strings(l.regions()));
            for (String r : l.regions()) {
                if (!allowed.contains(r)) {
                    violations.add("data location of " + l.dataCategory() + " names " + r + ", not an allowed region");
                }
            }
        }
        payload.set("violations", CollectorResult.strings(violations));
        if (!violations.isEmpty()) {
            return CollectorResult.fail(violations.size() + " residency violation(s): " + String.join("; ", violations), payload);
        }
        return CollectorResult.pass(model.systems().size() + " systems in allowed regions " + allowed + "; "
                + model.residency().dataLocations().size() + " data-location commitments kept", payload);
    }
}
