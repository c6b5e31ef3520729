package org.district.plugins.noticeboard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.district.platform.api.module.DemoData;
import org.district.platform.api.persistence.ModuleDatabase;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Notices as communities in Chengdu and Yibin post them for riders and drivers. */
@Component
public class NoticeBoardDemo implements DemoData {

    @Reference
    private ModuleDatabase database;

    @Override
    public void load() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        database.execute(em -> {
            em.persist(new Notice("骑手驿站夜间开放", "春熙路暖新驿站即日起 24 小时开放，提供热水、充电和休息座椅。",
                    "成都市锦江区春熙路街道", now.minus(2, ChronoUnit.DAYS), null));
            em.persist(new Notice("电动车电池免费检测", "本周六上午 9 点至 12 点，在社区服务中心为外卖骑手免费检测电动车电池。",
                    "成都市武侯区玉林街道", now.minus(1, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS)));
            em.persist(new Notice("东街夜市法律服务", "每周五晚 7 点至 9 点，律师在东街夜市入口现场解答货款和借款纠纷。",
                    "宜宾市翠屏区东街社区", now.minus(3, ChronoUnit.HOURS), null));
        });
    }
}
