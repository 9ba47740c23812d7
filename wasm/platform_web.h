#pragma once
// The browser's Platform: every call goes to wasm/web_library.js (linked with
// --js-library), whose answers come back through the retour_*_done/changed exports.
#include "wasm/platform.h"

namespace retour::web {

class WebPlatform final : public Platform {
public:
    void http(const HttpRequest& request, HttpCallback done) override;
    std::optional<std::string> storage_get(const std::string& key) override;
    bool storage_set(const std::string& key, const std::string& value) override;
    void storage_remove(const std::string& key) override;
    void download(const std::string& filename, const std::string& mime, const std::string& bytes,
                  bool print) override;
    std::int64_t now_ms() override;
    void random_bytes(unsigned char* out, int n) override;
    void after(int ms, std::function<void()> f) override;
    void request_frames(int count) override;
    bool online() override;
    void on_online(std::function<void()> f) override;
    std::string page(PageValue what, const std::string& name) override;
    std::string history_state() override;
    void history(HistoryOp op, const std::string& state_json) override;
    void on_history(std::function<void(const std::string&)> f) override;
    void on_hash_change(std::function<void()> f) override;
    void open_link(const std::string& url) override;
    void emit(const std::string& name, const std::string& detail_json) override;
};

}  // namespace retour::web
