package org.district.plugins.farmaidstreaming;

/** Who sells through the programme: a village, or a farmers' (or fishers', or makers') co-operative. */
public enum VillageKind implements Codes.Coded {
    VILLAGE("村"),
    COOPERATIVE("合作社");

    private final String chinese;

    VillageKind(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
