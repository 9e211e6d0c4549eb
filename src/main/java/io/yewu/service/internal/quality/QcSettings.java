package io.yewu.service.internal.quality;

import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;

import java.util.List;

/** The QC settings of spec 04 marked *(setting)* (PLT-2), keys {@code service.qc.*}. */
public final class QcSettings {

    public static final SettingDefinition<Long> SAMPLES_PER_AGENT =
            SettingDefinition.of("service.qc.samples-per-agent", SettingType.INTEGER, 1L)
                    .withRange(1L, 5L).withUnit("次", "times").withRules("QC-1")
                    .withName("每名客服代表每月至少抽检次数", "QC samples per agent and month (at least)")
                    .withDescription("系统每月为每名客服代表从其当月工单中随机抽取的工单数，1 到 5。",
                            "How many of an agent's tickets of the month the system proposes for inspection, 1 to 5.");
    public static final SettingDefinition<String> FORM =
            SettingDefinition.of("service.qc.form", SettingType.STRING,
                            "LANGUAGE:20,GREETING:10,RESPONSE:10,FAREWELL:10,ATTITUDE:15,TONE:10,NEED_SUMMARY:10,HANDLING:15")
                    .withRules("QC-2")
                    .withName("质检评分表（评分项:满分）", "QC form (item:maximum points)")
                    .withDescription("逗号分隔的评分项及满分：服务用语、三声服务（问候声、应答声、道别声）、服务态度、语气语调、归纳客户需求、处理能力。",
                            "Comma-separated items with their maximum points: service language, the three courtesies (greeting, response, farewell), attitude, tone, summarising the need, handling ability.");
    public static final SettingDefinition<Long> TRAINING_THRESHOLD =
            SettingDefinition.of("service.qc.training-threshold-percent", SettingType.INTEGER, 80L)
                    .withRange(1L, 100L).withUnit("%", "%").withRules("QC-3")
                    .withName("需培训的得分率", "Score rate below which training is proposed")
                    .withDescription("某评分项平均得分率低于该值时建议培训：半数以上客服代表低于该值为全员培训，否则为个人培训。",
                            "An item whose average score rate is below this proposes training: the whole team when half the agents or more are below, otherwise those agents.");

    private QcSettings() {}

    public static List<SettingDefinition<?>> definitions() {
        return List.of(SAMPLES_PER_AGENT, FORM, TRAINING_THRESHOLD);
    }
}
