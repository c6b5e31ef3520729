package org.district.plugins.farmaidstreaming;

/** The live-commerce platforms a streamer sells on. */
public enum Platform implements Codes.Coded {
    DOUYIN("抖音", "Douyin"),
    KUAISHOU("快手", "Kuaishou"),
    WECHAT_CHANNELS("视频号", "WeChat Channels"),
    TAOBAO_LIVE("淘宝直播", "Taobao Live"),
    OTHER("其他", "another platform");

    private final String chinese;
    private final String english;

    Platform(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    /** The platform's name as people write it in English: what explanations use. */
    public String english() {
        return english;
    }
}
