package org.district.platform.api.privacy;

/**
 * Masks personal data for public and list views, as the Personal Information Protection Law asks:
 * enough stays visible for a person to recognise their own record, not enough to contact or
 * identify them.
 */
public final class Mask {

    private Mask() {
    }

    /** {@code 13812345678} becomes {@code 138****5678}; short values are masked whole. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /** A 17-digit practice licence number keeps its first 4 and last 4 digits. */
    public static String licence(String licence) {
        return keepEnds(licence, 4, 4);
    }

    /** Keeps {@code head} characters at the start and {@code tail} at the end, the rest become {@code *}. */
    public static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length <= head + tail) {
            return "*".repeat(cps.length);
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            if (i < head || i >= cps.length - tail) {
                masked.appendCodePoint(cps[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}
