// Which PipeWire nodes hold a reminder, from the props real nodes have: the
// recording of a sink's monitor below is what pipewire-pulse made of
// `parecord --device=SINK.monitor` (its node's info props, as pw-dump shows).
#include "platform/pipewire_node_class.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace unsit {
namespace {

using Props = std::map<std::string, std::string>;

std::optional<HoldReason> Classify(const Props& props) {
  return ClassifyPipewireNode([&props](const char* key) -> const char* {
    auto found = props.find(key);
    return found == props.end() ? nullptr : found->second.c_str();
  });
}

TEST(PipewireNodeClassTest, MicrophoneCaptureIsACall) {
  // pw-record's stream: no target, recording the default source.
  EXPECT_EQ(Classify({{"media.class", "Stream/Input/Audio"}, {"node.name", "pw-record"}}),
            HoldReason::kCall);
}

TEST(PipewireNodeClassTest, RecordingASinksMonitorIsNoCall) {
  const Props parecord{{"media.class", "Stream/Input/Audio"},
                       {"node.name", "parecord"},
                       {"client.api", "pipewire-pulse"},
                       {"stream.capture.sink", "true"},
                       {"target.object", "unsit_test"}};
  EXPECT_EQ(Classify(parecord), std::nullopt);
}

TEST(PipewireNodeClassTest, CaptureSinkFalseIsStillACall) {
  EXPECT_EQ(Classify({{"media.class", "Stream/Input/Audio"}, {"stream.capture.sink", "false"}}),
            HoldReason::kCall);
}

TEST(PipewireNodeClassTest, CamerasAreCallsOtherVideoSourcesScreencasts) {
  EXPECT_EQ(Classify({{"media.class", "Video/Source"}, {"device.api", "v4l2"}}), HoldReason::kCall);
  EXPECT_EQ(Classify({{"media.class", "Video/Source"}, {"media.role", "Camera"}}),
            HoldReason::kCall);
  EXPECT_EQ(Classify({{"media.class", "Video/Source"}, {"node.name", "gnome-shell-screencast"}}),
            HoldReason::kScreencast);
}

TEST(PipewireNodeClassTest, PlaybackAndSinksSayNothing) {
  EXPECT_EQ(Classify({{"media.class", "Stream/Output/Audio"}}), std::nullopt);
  EXPECT_EQ(Classify({{"media.class", "Audio/Sink"}}), std::nullopt);
  EXPECT_EQ(Classify({}), std::nullopt);
}

}  // namespace
}  // namespace unsit
