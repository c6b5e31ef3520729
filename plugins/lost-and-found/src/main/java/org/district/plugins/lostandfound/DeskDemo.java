package org.district.plugins.lostandfound;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.district.platform.api.module.DemoData;
import org.district.platform.api.persistence.ModuleDatabase;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What riders and residents handed in at a rider station and a community centre in Chengdu; one item went back already. */
@Component
public class DeskDemo implements DemoData {

    @Reference
    private ModuleDatabase database;

    @Override
    public void load() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        String station = "春熙路暖新驿站";
        String centre = "玉林社区服务中心";
        database.execute(em -> {
            em.persist(new FoundItem("黑色头盔，带蓝牙耳机", "helmet", "春熙路步行街北口", station, now.minus(2, ChronoUnit.DAYS),
                    now.minus(2, ChronoUnit.DAYS)));
            em.persist(new FoundItem("白色充电宝，20000 毫安", "charger", "驿站休息区", station, now.minus(1, ChronoUnit.DAYS),
                    now.minus(1, ChronoUnit.DAYS)));
            em.persist(new FoundItem("一串钥匙，挂蓝色工牌", "keys", "玉林北路菜市场门口", centre, now.minus(5, ChronoUnit.HOURS),
                    now.minus(4, ChronoUnit.HOURS)));
            FoundItem phone = new FoundItem("黑色手机，透明手机壳", "phone", "玉林西路公交站", centre, now.minus(3, ChronoUnit.DAYS),
                    now.minus(3, ChronoUnit.DAYS));
            phone.claim("陈师傅", "13800001234", now.minus(2, ChronoUnit.DAYS));
            em.persist(phone);
        });
    }
}
