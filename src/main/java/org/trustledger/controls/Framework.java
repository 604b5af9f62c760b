package org.trustledger.controls;

import java.util.List;

public record Framework(String id, String name, String version, List<Control> controls) {
}
