package org.district.plugins.farmaidstreaming;

/** Where a live session stands: planned, then live, then done with its results; or cancelled with a reason. */
public enum SessionStatus implements Codes.Coded {
    PLANNED("计划中"),
    LIVE("直播中"),
    DONE("已结束"),
    CANCELLED("已取消");

    private final String chinese;

    SessionStatus(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
