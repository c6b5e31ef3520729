package org.district.plugins.farmaidstreaming;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A streamer's account on one platform and the follower count last reported for it. */
@Embeddable
public class StreamerAccount {

    @Enumerated(EnumType.STRING)
    @Column(name = "platform", nullable = false, length = 20)
    private Platform platform;

    @Column(name = "account_id", nullable = false, length = 64)
    private String accountId;

    @Column(name = "followers", nullable = false)
    private long followers;

    protected StreamerAccount() {
    }

    public StreamerAccount(Platform platform, String accountId, long followers) {
        this.platform = platform;
        this.accountId = accountId;
        this.followers = followers;
    }

    public Platform getPlatform() {
        return platform;
    }

    public String getAccountId() {
        return accountId;
    }

    public long getFollowers() {
        return followers;
    }
}
