/**
 * Vietnamese, the first language: every user-visible string of the citizen pages. `en.ts` must have
 * exactly these keys (the type says so). Placeholders are `{name}`.
 */
export const vi = {
  'lang.self': 'Tiếng Việt',
  'lang.switch': 'Chuyển ngôn ngữ',

  'layout.skip': 'Bỏ qua, đến nội dung chính',
  'layout.nav': 'Điều hướng chính',
  'layout.nav.submit': 'Gửi đơn',
  'layout.nav.track': 'Tra cứu đơn',
  'layout.service': 'Tiếp nhận và xử lý đơn thư',
  'layout.footer': 'Thông tin cá nhân bạn gửi được bảo mật theo quy định của pháp luật.',

  'form.required': '(bắt buộc)',
  'form.errorPrefix': 'Lỗi:',
  'form.errorSummary': 'Chưa gửi được. Vui lòng sửa các lỗi sau:',

  'kind.complaint': 'Khiếu nại',
  'kind.denunciation': 'Tố cáo',
  'kind.recommendation': 'Kiến nghị',
  'kind.feedback': 'Phản ánh',
  'kind.complaint.explain':
    'Đề nghị cơ quan, tổ chức, người có thẩm quyền xem xét lại quyết định hoặc hành vi của họ mà bạn cho là trái pháp luật, xâm phạm quyền, lợi ích hợp pháp của bạn.',
  'kind.denunciation.explain':
    'Báo cho cơ quan, tổ chức, người có thẩm quyền biết hành vi vi phạm pháp luật của bất kỳ cơ quan, tổ chức, cá nhân nào gây thiệt hại hoặc đe dọa gây thiệt hại đến lợi ích của Nhà nước, quyền, lợi ích hợp pháp của người khác.',
  'kind.recommendation.explain':
    'Đề xuất sửa đổi một chính sách, quy định hay cách làm, hoặc đề nghị cơ quan có thẩm quyền làm một việc.',
  'kind.feedback.explain':
    'Cho cơ quan có thẩm quyền biết một sự việc, một tình trạng hay một vướng mắc mà bạn gặp hoặc chứng kiến.',

  'home.title': 'Gửi và theo dõi đơn thư',
  'home.intro':
    'Tại đây, bạn có thể gửi đơn khiếu nại, tố cáo, kiến nghị hoặc phản ánh đến {org} mà không cần tài khoản. Sau khi gửi, bạn nhận được mã tra cứu và mã PIN để theo dõi quá trình xử lý và đọc câu trả lời.',
  'home.cta.submit': 'Gửi đơn',
  'home.cta.track': 'Tra cứu đơn đã gửi',
  'home.kinds.title': 'Bốn loại đơn',
  'home.kinds.intro':
    'Đơn được phân loại theo nội dung, không theo tiêu đề bạn đặt. Nếu một đơn có nhiều nội dung thuộc các loại khác nhau, bạn sẽ được hướng dẫn tách thành từng đơn.',
  'home.next': 'Sau khi gửi',
  'home.limits': 'Thời hạn theo luật',
  'home.complaint.next':
    'Đơn được thụ lý để giải quyết, hoặc bạn được thông báo bằng văn bản lý do không thụ lý. Sau khi thụ lý, cơ quan xác minh, có thể đối thoại với bạn, rồi ra quyết định giải quyết.',
  'home.complaint.acceptance':
    'Thụ lý hoặc từ chối thụ lý: trong 7 ngày làm việc kể từ khi nhận đơn (đơn nhận từ ngày 01/07/2026); trước ngày đó là 10 ngày.',
  'home.complaint.resolution':
    'Giải quyết: không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp hoặc ở vùng sâu, vùng xa: không quá 45 ngày; vụ việc phức tạp ở vùng sâu, vùng xa: không quá 60 ngày.',
  'home.complaint.basis': 'Căn cứ: Luật Khiếu nại số 02/2011/QH13 (Điều 27, 28) và các văn bản sửa đổi.',
  'home.denunciation.next':
    'Đơn được vào sổ, phân loại và kiểm tra điều kiện thụ lý. Nếu không thuộc thẩm quyền, đơn được chuyển đến nơi có thẩm quyền và bạn được thông báo. Sau khi thụ lý, nội dung tố cáo được xác minh và có kết luận.',
  'home.denunciation.initial':
    'Xử lý ban đầu (vào sổ, phân loại, kiểm tra điều kiện thụ lý): trong 7 ngày làm việc kể từ khi nhận đơn.',
  'home.denunciation.resolution':
    'Giải quyết: không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp được gia hạn một lần, vụ việc đặc biệt phức tạp được gia hạn hai lần, mỗi lần không quá 30 ngày.',
  'home.denunciation.basis': 'Căn cứ: Luật Tố cáo số 25/2018/QH14 (Điều 24, 30).',
  'home.denunciation.protection':
    'Danh tính người tố cáo được giữ bí mật: pháp luật nghiêm cấm tiết lộ họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo (Luật Tố cáo số 25/2018/QH14, Điều 8, 9).',
  'home.denunciation.anonymous':
    'Đơn tố cáo ẩn danh hoặc không rõ họ tên, địa chỉ người tố cáo không được xử lý như đơn tố cáo. Nếu nội dung cụ thể, có tài liệu, chứng cứ, đơn vẫn được ghi nhận và kiểm tra để phục vụ công tác quản lý (Điều 25). Người gửi đơn ẩn danh không nhận được thông báo nào; chỉ có thể tra cứu bằng mã tra cứu và mã PIN.',
  'home.recommendation.next':
    'Đơn được xử lý: vào sổ, phân loại và chuyển đến nơi có thẩm quyền nếu cần; sau đó bạn nhận được câu trả lời.',
  'home.recommendation.processing': 'Xử lý đơn: trong 10 ngày làm việc kể từ khi nhận đơn.',
  'home.recommendation.answer': 'Trả lời: trong 10 ngày làm việc, theo quy định của cơ quan tiếp nhận.',
  'home.recommendation.basis': 'Căn cứ: Luật Tiếp công dân số 42/2013/QH13.',
  'home.feedback.anonymous':
    'Bạn có thể gửi phản ánh ẩn danh; khi đó bạn không nhận được thông báo nào và chỉ có thể tra cứu bằng mã tra cứu và mã PIN.',
  'home.days':
    'Ngày làm việc không gồm thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết. Thời hạn tính theo ngày mà ngày cuối cùng là ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo.',
  'home.track.title': 'Theo dõi đơn đã gửi',
  'home.track.text':
    'Dùng mã tra cứu và mã PIN trên biên nhận để xem tình trạng đơn, các thời hạn và câu trả lời.',

  'submit.title': 'Gửi đơn',
  'submit.intro':
    'Điền các mục dưới đây. Mục ghi (bắt buộc) phải điền. Sau khi gửi, bạn nhận được mã tra cứu và mã PIN.',
  'submit.kind': 'Loại đơn',
  'submit.kind.hint': 'Chọn theo nội dung đơn, không theo tiêu đề.',
  'submit.title.label': 'Tiêu đề',
  'submit.title.hint': 'Một câu ngắn nêu việc bạn muốn trình bày.',
  'submit.content': 'Nội dung',
  'submit.content.hint':
    'Trình bày sự việc, thời gian, địa điểm, người liên quan và yêu cầu của bạn. Tối đa {max} ký tự.',
  'submit.anonymous': 'Gửi ẩn danh (chỉ dành cho tố cáo và phản ánh)',
  'submit.anonymous.hint':
    'Nếu chọn, đừng điền thông tin cá nhân ở phần dưới. Đơn tố cáo ẩn danh không được xử lý như đơn tố cáo; đơn chỉ được ghi nhận và kiểm tra nếu nội dung cụ thể, có chứng cứ. Bạn sẽ không nhận được thông báo nào và chỉ có thể tra cứu bằng mã tra cứu và mã PIN.',
  'submit.petitioner': 'Thông tin người gửi đơn',
  'submit.petitioner.hint':
    'Bắt buộc, trừ khi gửi tố cáo hoặc phản ánh ẩn danh; khi đã điền thì phải có họ và tên. Cơ quan dùng thông tin này để liên hệ và trả lời bạn; thông tin được bảo mật.',
  'submit.fullName': 'Họ và tên',
  'submit.idNumber': 'Số định danh cá nhân (số CCCD)',
  'submit.address': 'Địa chỉ liên hệ',
  'submit.phone': 'Số điện thoại',
  'submit.email': 'Thư điện tử (email)',
  'submit.concerns': 'Đơn liên quan đến',
  'submit.organization': 'Cơ quan, tổ chức',
  'submit.person': 'Cá nhân (họ tên, chức vụ nếu biết)',
  'submit.topic': 'Lĩnh vực',
  'submit.topic.choose': '— Chọn lĩnh vực —',
  'submit.signatories': 'Số người cùng ký đơn',
  'submit.signatories.hint': 'Từ 5 người trở lên là đơn đông người.',
  'submit.attachments': 'Tài liệu kèm theo (không bắt buộc)',
  'submit.attachments.hint': 'Tối đa 5 tệp PDF, JPEG, PNG hoặc Word (DOCX), mỗi tệp không quá 10 MB.',
  'submit.attachments.contentOnly': 'Các tài liệu này không chứa thông tin nhận diện tôi',
  'submit.attachments.contentOnly.hint':
    'Với đơn tố cáo, tài liệu chỉ được người có thẩm quyền xem, trừ khi bạn đánh dấu ô này.',
  'receipt.attachments': 'Tài liệu đã nhận',
  'receipt.attachments.failed':
    'Đơn đã được lưu nhưng chưa lưu được tài liệu kèm theo. Vui lòng gửi lại tài liệu sau.',
  'submit.button': 'Gửi đơn',
  'submit.tooLarge': 'Nội dung gửi quá lớn. Hãy rút gọn nội dung rồi gửi lại.',

  'receipt.title': 'Đã nhận đơn của bạn',
  'receipt.code': 'Mã tra cứu',
  'receipt.code.hint': 'Chạm vào mã để chọn, rồi sao chép.',
  'receipt.pin': 'Mã PIN',
  'receipt.pin.warning':
    'Hãy ghi lại mã PIN ngay bây giờ. Mã này chỉ hiển thị một lần và không thể lấy lại. Cần cả mã tra cứu và mã PIN để xem đơn; đừng đưa mã PIN cho người khác.',
  'receipt.details': 'Thông tin đơn',
  'receipt.routing': 'Lý do chuyển đến nơi này',
  'receipt.anonymous':
    'Đơn được gửi ẩn danh: đơn được ghi nhận nhưng bạn sẽ không nhận được thông báo nào. Đơn tố cáo ẩn danh không được xử lý như đơn tố cáo. Hãy dùng mã tra cứu và mã PIN để theo dõi.',
  'receipt.track': 'Theo dõi đơn này',
  'receipt.print': 'Bạn có thể in trang này hoặc lưu lại làm biên nhận.',

  'track.title': 'Tra cứu đơn',
  'track.intro': 'Nhập mã tra cứu và mã PIN ghi trên biên nhận.',
  'track.code': 'Mã tra cứu',
  'track.pin': 'Mã PIN',
  'track.button': 'Tra cứu',
  'track.code.missing': 'Nhập mã tra cứu.',
  'track.pin.missing': 'Nhập mã PIN.',
  'track.notFound': 'Không tìm thấy đơn, hoặc mã PIN không đúng. Hãy kiểm tra lại mã tra cứu và mã PIN.',
  'track.locked': 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.',

  'tracking.title': 'Đơn {code}',
  'tracking.petitionTitle': 'Tiêu đề',
  'tracking.kind': 'Loại đơn',
  'tracking.status': 'Tình trạng',
  'tracking.receivedAt': 'Ngày nhận',
  'tracking.committee': 'Nơi giải quyết',
  'tracking.deadlines': 'Các thời hạn',
  'tracking.timeline': 'Quá trình xử lý',
  'tracking.answer': 'Kết quả giải quyết',
  'tracking.answer.outcome': 'Kết quả',
  'tracking.answer.at': 'Ngày trả lời',
  'tracking.answer.none': 'Chưa có câu trả lời.',
  'tracking.escalate': 'Đề nghị cấp trên xem xét',
  'tracking.escalate.hint':
    'Tố cáo của ông/bà đã quá thời hạn giải quyết. Theo Điều 38 Luật Tố cáo 2018, ông/bà có quyền đề nghị cơ quan cấp trên trực tiếp xem xét; cơ quan cấp trên yêu cầu báo cáo trong 5 ngày làm việc. Danh tính của ông/bà tiếp tục được giữ bí mật.',
  'tracking.escalate.reason': 'Nội dung đề nghị',
  'tracking.escalate.reason.missing': 'Nhập nội dung đề nghị.',
  'tracking.escalate.button': 'Gửi đề nghị lên cấp trên',
  'tracking.escalate.done': 'Đề nghị của ông/bà đã được gửi đến cấp trên.',
  'tracking.withdraw': 'Rút đơn',
  'tracking.withdraw.hint': 'Sau khi rút, đơn sẽ không được tiếp tục xử lý.',
  'tracking.withdraw.reason': 'Lý do rút đơn',
  'tracking.withdraw.reason.missing': 'Nhập lý do rút đơn.',
  'tracking.withdraw.confirm': 'Tôi muốn rút đơn này',
  'tracking.withdraw.confirm.missing': 'Đánh dấu ô xác nhận nếu bạn muốn rút đơn.',
  'tracking.withdraw.button': 'Rút đơn',
  'tracking.withdraw.done': 'Đơn đã được rút.',
  'tracking.supplement': 'Bổ sung thông tin',
  'tracking.supplement.text': 'Nội dung bổ sung',
  'tracking.supplement.text.missing': 'Nhập nội dung bổ sung.',
  'tracking.supplement.button': 'Gửi bổ sung',
  'tracking.supplement.done': 'Đã nhận nội dung bổ sung.',

  'deadline.none': 'Chưa có thời hạn nào đang được tính.',
  'deadline.due': 'Hạn',
  'deadline.counted': 'Tính theo',
  'deadline.basis': 'Căn cứ',
  'dayType.working': 'ngày làm việc',
  'dayType.calendar': 'ngày',
  'state.running': 'Đang chạy',
  'state.paused': 'Tạm dừng',
  'state.met': 'Đúng hạn',
  'state.missed': 'Quá hạn',

  'clock.acceptance': 'Thụ lý / quyết định ban đầu',
  'clock.resolution': 'Giải quyết',
  'clock.reception_response': 'Trả lời người đến tiếp',
  'clock.transfer': 'Chuyển đơn',
  'clock.decision_delivery': 'Gửi quyết định, kết luận',
  'clock.publication': 'Công khai kết luận',
  'clock.parties_notice': 'Thông báo thụ lý',
  'clock.second_complaint_window': 'Thời hạn khiếu nại lần hai',
  'clock.limitation': 'Thời hiệu',
  'clock.referral_report': 'Báo cáo kết quả cho nơi chuyển đơn',
  'clock.suspension_notice': 'Thông báo tạm đình chỉ',
  'clock.escalation_report': 'Báo cáo cấp trên',
  'clock.result_report': 'Báo cáo kết quả giải quyết',

  'status.received': 'Đã tiếp nhận',
  'status.accepted': 'Đã thụ lý',
  'status.verifying': 'Đang xác minh',
  'status.suspended': 'Tạm đình chỉ',
  'status.resolved': 'Đã giải quyết',
  'status.closed': 'Đã kết thúc',
  'status.not_accepted': 'Không thụ lý',
  'status.transferred': 'Đã chuyển đơn',
  'status.guided': 'Đã hướng dẫn',
  'status.filed': 'Xếp lưu',
  'status.withdrawn': 'Đã rút đơn',
  'status.duplicate': 'Đơn trùng',

  'event.submitted': 'Đã gửi đơn',
  'event.accepted': 'Thụ lý',
  'event.refused': 'Không thụ lý',
  'event.transferred': 'Chuyển đơn',
  'event.guided': 'Hướng dẫn',
  'event.filed': 'Xếp lưu',
  'event.extended': 'Gia hạn giải quyết',
  'event.suspended': 'Tạm đình chỉ',
  'event.resumed': 'Tiếp tục giải quyết',
  'event.verification_started': 'Bắt đầu xác minh',
  'event.resolved': 'Đã giải quyết',
  'event.closed': 'Kết thúc',
  'event.withdrawn': 'Rút đơn',
  'event.supplement_added': 'Bổ sung thông tin',
  'event.marked_duplicate': 'Xác định là đơn trùng',
  'event.rerouted': 'Chuyển nơi giải quyết',
  'event.escalated': 'Chuyển cấp trên xem xét',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.text': 'Địa chỉ bạn mở không tồn tại hoặc đã thay đổi.',
  'error.title': 'Đã có lỗi xảy ra',
  'error.text': 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
  'error.home': 'Về trang chủ',
} as const
