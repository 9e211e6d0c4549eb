package io.yewu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.TimeZone;

@SpringBootApplication
@EnableScheduling
public class YewuApplication {

    static {
        // Every "day", "working day" and "09:00" of the rulebook is Beijing time (spec 00, PLT-4).
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
    }

    public static void main(String[] args) {
        SpringApplication.run(YewuApplication.class, args);
    }
}
