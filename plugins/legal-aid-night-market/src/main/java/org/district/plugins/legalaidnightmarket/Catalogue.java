package org.district.plugins.legalaidnightmarket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.district.platform.api.rest.Problem;

/**
 * The fixed lists a consultation is recorded with. Each entry has a code for the API and files
 * ({@code payment_dispute}) and the Chinese name people at the stall use (货款纠纷); either is accepted.
 */
public final class Catalogue {

    private Catalogue() {
    }

    /** An entry of a catalogue. */
    public interface Entry {
        String name();

        default String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        String chinese();
    }

    /** The entry whose code (ignoring case, '-' for '_') or Chinese name is the text. */
    public static <E extends Enum<E> & Entry> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        String code = wanted.toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code) || e.chinese().equals(wanted)).findFirst();
    }

    /** The entry for a request field, or a 400 naming the field and listing the codes. */
    public static <E extends Enum<E> & Entry> E require(Class<E> type, String field, String text) {
        return parse(type, text).orElseThrow(() -> Problem.invalid(field, "'" + text + "' is not one of " + codes(type)));
    }

    public static <E extends Enum<E> & Entry> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Entry::code).collect(Collectors.joining(", "));
    }

    /** What a dispute is about. */
    public enum Category implements Entry {
        PAYMENT_DISPUTE("货款纠纷"),
        LOAN_DISPUTE("借款纠纷"),
        NEIGHBOUR_FRICTION("邻里纠纷"),
        CONSUMER("消费纠纷"),
        LABOUR("劳动纠纷"),
        FAMILY("婚姻家庭"),
        TENANCY("租赁纠纷"),
        OTHER("其他");

        private final String chinese;

        Category(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    /** Who came to the stall; nobody is asked for a name. */
    public enum Visitor implements Entry {
        STALL_HOLDER("摊主"),
        RESIDENT("居民"),
        CUSTOMER("顾客"),
        WORKER("务工人员");

        private final String chinese;

        Visitor(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    /** How a consultation ended at the stall. */
    public enum Outcome implements Entry {
        ANSWERED("当场解答"),
        SETTLED("调解成功"),
        REFERRED_LEGAL_AID_CENTRE("转法律援助中心"),
        REFERRED_MEDIATION_COMMITTEE("转人民调解委员会"),
        REFERRED_COURT("引导诉讼"),
        FOLLOW_UP("需跟进");

        private final String chinese;

        Outcome(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }

        /** Resolved at the stall itself — answered there, or mediated and settled there: the "Fengqiao" figure. */
        public boolean settledOnTheSpot() {
            return this == ANSWERED || this == SETTLED;
        }
    }
}
