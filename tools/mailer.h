#pragma once
// Sends the mail queue (mail_queue.h) in a thread of its own, on a connection of its own:
//   [X] due messages every second (the shell queues change mails without a wake()), and
//       at once on wake()
//   [X] retried on the forwarding's schedule (core/delivery_schedule.h), failed after it
//   [ ] at least once: killed while the server takes a message, it is sent again
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "tools/mail_config.h"

namespace retour::tools {

class Mailer {
public:
    Mailer(const std::string& db_path, MailConfig config);
    ~Mailer();  // stops; a message being sent may be sent again later
    Mailer(const Mailer&) = delete;
    Mailer& operator=(const Mailer&) = delete;
    void wake();

private:
    void run();
    std::string db_path_;
    MailConfig config_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false, woken_ = false;
    std::thread thread_;
};

}  // namespace retour::tools
