package org.trustledger.trust;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "trustledger.trust")
public interface TrustConfig {

    /** Days a sub-processor change stays in the feed's {@code changes} after it took effect. */
    @WithDefault("90")
    int subProcessorChangeHistoryDays();

    /** Where advisories live (Markdown with front matter), relative to the working directory. */
    @WithDefault("advisories")
    String advisoriesDir();
}
