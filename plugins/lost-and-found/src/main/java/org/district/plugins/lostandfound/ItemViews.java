package org.district.plugins.lostandfound;

import java.time.OffsetDateTime;

import org.district.platform.api.privacy.Mask;

/** How an item is shown: to anyone (no personal data at all), and to keepers (the claimant masked in lists, in full one at a time). */
public final class ItemViews {

    private ItemViews() {
    }

    /**
     * What a person who lost something may see: what, where it was found, where it waits, since when. The
     * time goes out as an instant with its offset, and the reader's own client shows it in their time zone.
     */
    public record PublicItem(long id, String description, String category, String place, String desk, OffsetDateTime foundAt) {

        static PublicItem of(FoundItem item) {
            return new PublicItem(item.getId(), item.getDescription(), item.getCategory(), item.getPlace(), item.getDesk(), item.getFoundAt());
        }
    }

    /** What a keeper sees. {@code due}: held longer than the city holds items. */
    public record KeeperItem(long id, String description, String category, String place, String desk, OffsetDateTime foundAt,
            OffsetDateTime recordedAt, FoundItem.Status status, boolean due, String claimantName, String claimantPhone,
            OffsetDateTime claimedAt) {

        static KeeperItem masked(FoundItem item, boolean due) {
            return of(item, due, Mask.keepEnds(item.getClaimantName(), 1, 0), Mask.phone(item.getClaimantPhone()));
        }

        static KeeperItem full(FoundItem item, boolean due) {
            return of(item, due, item.getClaimantName(), item.getClaimantPhone());
        }

        private static KeeperItem of(FoundItem item, boolean due, String name, String phone) {
            return new KeeperItem(item.getId(), item.getDescription(), item.getCategory(), item.getPlace(), item.getDesk(), item.getFoundAt(),
                    item.getRecordedAt(), item.getStatus(), due, name, phone, item.getClaimedAt());
        }
    }
}
