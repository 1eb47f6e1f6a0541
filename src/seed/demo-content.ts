/**
 * Demo content for the "Bình đẳng giới" column of Trường THCS Nguyễn Du
 * (Phòng GDĐT quận Hoàn Kiếm). The school, people and events are fictional;
 * laws, decrees and commemorative days cited in the text are real.
 *
 * Dates are ISO strings in UTC, chosen at Vietnam office hours (UTC+7) and never
 * within a day of a quarter boundary, so quarter bucketing gives the same result
 * whether it is done in UTC or in Asia/Ho_Chi_Minh.
 */

import type { DocumentFormat } from '../domain/file-types';
import type { Audience, Campaign, Grade, ModelStoryKind, ResourceKind, Subject } from '../domain/vocabulary';

/** A plain string is a paragraph; the object forms map to h2, bullet list and blockquote. */
export type DemoBlock = string | { heading: string } | { list: string[] } | { quote: string };

export interface DemoTopic {
  title: string;
}

export interface DemoArticle {
  title: string;
  excerpt: string;
  paragraphs: DemoBlock[];
  audiences: Audience[];
  /** Titles from `demoTopics`. */
  topics: string[];
  campaign: Campaign | null;
  publishedAt: string;
  /** Absent means it counts; `false` marks cross-posted school notices. */
  countsTowardColumn?: boolean;
  draft?: boolean;
}

export interface DemoModelStory {
  title: string;
  kind: ModelStoryKind;
  subjectName: string;
  unit: string;
  recognition: string;
  year: number;
  summary: string;
  paragraphs: DemoBlock[];
  publishedAt: string;
}

export interface DemoResourceFile {
  format: DocumentFormat;
  /** ASCII only, so it survives upload sanitising and Content-Disposition unchanged; the file is files/<filename>. */
  filename: string;
}

export interface DemoTeachingResource {
  title: string;
  summary: string;
  subject: Subject;
  grades: Grade[];
  kind: ResourceKind;
  file: DemoResourceFile | null;
  /** https only. */
  videoUrl?: string;
  durationMinutes?: number;
  learningGoals: string[];
  license: string;
  publishedAt: string;
}

export interface DemoImage {
  filename: string;
  alt: string;
  palette: [string, string];
}

export const SCHOOL_NAME = 'Trường THCS Nguyễn Du';
export const DISTRICT_OFFICE = 'Phòng GDĐT quận Hoàn Kiếm';

export const demoTopics: DemoTopic[] = [
  { title: 'Bình đẳng giới' },
  { title: 'Phòng chống bạo lực học đường' },
  { title: 'Gia đình hạnh phúc' },
  { title: 'Kỹ năng sống' },
  { title: 'Giáo dục giới tính' },
  { title: 'Vì sự tiến bộ của phụ nữ' },
];

export const demoArticles: DemoArticle[] = [
  // 2022-Q1
  {
    title: 'Trường THCS Nguyễn Du kỷ niệm Ngày Quốc tế Phụ nữ 8/3/2022',
    excerpt:
      'Buổi gặp mặt ấm áp tôn vinh các cô giáo, nữ nhân viên và nữ sinh, đồng thời phát động phong trào “Giỏi việc trường – Đảm việc nhà” trong toàn trường.',
    paragraphs: [
      'Sáng 8/3/2022, Công đoàn Trường THCS Nguyễn Du phối hợp với Liên đội tổ chức buổi gặp mặt kỷ niệm 112 năm Ngày Quốc tế Phụ nữ. Tham dự có đại diện Ban giám hiệu, Ban đại diện cha mẹ học sinh cùng toàn thể cán bộ, giáo viên, nhân viên nhà trường.',
      'Phát biểu tại buổi lễ, thầy Hiệu trưởng ghi nhận những đóng góp của đội ngũ nữ giáo viên – lực lượng chiếm hơn 70% cán bộ, giáo viên của trường – trong hai năm vừa dạy trực tuyến vừa chăm lo cho gia đình trong thời gian dịch bệnh.',
      { heading: 'Phát động phong trào thi đua' },
      'Nhân dịp này, nhà trường phát động phong trào “Giỏi việc trường – Đảm việc nhà” năm 2022, khuyến khích các thầy cùng chia sẻ việc nhà để đồng nghiệp nữ có thêm thời gian học tập, nâng cao chuyên môn.',
      { quote: 'Bình đẳng giới bắt đầu từ những việc nhỏ nhất: ai cũng được lắng nghe, ai cũng được tôn trọng.' },
    ],
    audiences: ['teachers', 'students'],
    topics: ['Vì sự tiến bộ của phụ nữ', 'Bình đẳng giới'],
    campaign: 'women-day-8-3',
    publishedAt: '2022-03-08T02:30:00.000Z',
    countsTowardColumn: true,
  },
  // 2022-Q2
  {
    title: 'Ngày Gia đình Việt Nam 28/6: “Bữa cơm gia đình – Gắn kết yêu thương”',
    excerpt:
      'Nhà trường gửi tới cha mẹ học sinh gợi ý duy trì bữa cơm sum họp, nơi mọi thành viên đều được chia sẻ và cùng nhau chuẩn bị.',
    paragraphs: [
      'Hưởng ứng Ngày Gia đình Việt Nam 28/6, Trường THCS Nguyễn Du gửi thư ngỏ tới cha mẹ học sinh với thông điệp “Bữa cơm gia đình – Gắn kết yêu thương”.',
      'Trong kỳ nghỉ hè, các em có nhiều thời gian ở nhà hơn. Đây là dịp để cả nhà cùng đi chợ, nấu ăn và dọn dẹp, giúp các em hiểu rằng việc nhà là trách nhiệm chung chứ không của riêng mẹ hay chị gái.',
      { heading: 'Gợi ý cho cha mẹ' },
      {
        list: [
          'Mỗi tuần dành ít nhất ba bữa tối cả nhà cùng ăn, không dùng điện thoại.',
          'Phân công việc nhà theo khả năng, không theo giới tính.',
          'Khen ngợi con khi con chủ động giúp đỡ người thân.',
        ],
      },
      'Những hình ảnh đẹp về bữa cơm gia đình có thể gửi về Liên đội để tham gia triển lãm ảnh đầu năm học mới.',
    ],
    audiences: ['parents', 'students'],
    topics: ['Gia đình hạnh phúc'],
    campaign: 'family-day-28-6',
    publishedAt: '2022-06-27T01:00:00.000Z',
  },
  // 2022-Q3
  {
    title: 'Đầu năm học mới: xây dựng lớp học bình đẳng, không định kiến giới',
    excerpt:
      'Giáo viên chủ nhiệm được hướng dẫn cách phân công nhiệm vụ, sắp xếp chỗ ngồi và lựa chọn ngôn ngữ để mọi học sinh đều được tôn trọng như nhau.',
    paragraphs: [
      'Bước vào năm học 2022–2023, tổ chủ nhiệm Trường THCS Nguyễn Du thống nhất một số nguyên tắc nhằm xây dựng lớp học bình đẳng, không định kiến giới.',
      {
        list: [
          'Ban cán sự lớp được bầu dân chủ, khuyến khích cả nam và nữ ứng cử lớp trưởng.',
          'Trực nhật, lao động được phân công luân phiên, không mặc định “việc nặng cho bạn nam, việc nhẹ cho bạn nữ”.',
          'Tránh những câu nói như “con gái học Toán kém” hay “con trai không được khóc”.',
        ],
      },
      'Theo cô Phạm Thu Trang, tổ trưởng tổ chủ nhiệm, những điều chỉnh nhỏ trong sinh hoạt lớp giúp học sinh tự tin thể hiện năng lực của mình, đồng thời hình thành thói quen tôn trọng sự khác biệt.',
    ],
    audiences: ['teachers', 'students'],
    topics: ['Bình đẳng giới', 'Kỹ năng sống'],
    campaign: null,
    publishedAt: '2022-09-14T03:00:00.000Z',
  },
  // 2022-Q4
  {
    title: 'Hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2022',
    excerpt:
      'Từ 15/11 đến 15/12, nhà trường tổ chức chuỗi hoạt động tuyên truyền, treo băng rôn, sinh hoạt dưới cờ và thi vẽ tranh về bình đẳng giới.',
    paragraphs: [
      'Thực hiện hướng dẫn của Phòng GDĐT quận Hoàn Kiếm, Trường THCS Nguyễn Du triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ ngày 15/11 đến ngày 15/12/2022.',
      { heading: 'Các hoạt động chính' },
      {
        list: [
          'Sinh hoạt dưới cờ chủ đề “Bình đẳng giới – Hành động từ lớp học”.',
          'Thi vẽ tranh cổ động dành cho học sinh khối 6 và khối 7.',
          'Chuyên đề “Nhận diện bạo lực trên cơ sở giới” cho giáo viên chủ nhiệm.',
        ],
      },
      'Nhà trường đề nghị cha mẹ học sinh đồng hành cùng các con, trao đổi cởi mở về những tình huống bất bình đẳng mà con gặp phải ở trường cũng như trên mạng xã hội.',
    ],
    audiences: ['parents', 'students', 'teachers'],
    topics: ['Bình đẳng giới', 'Phòng chống bạo lực học đường'],
    campaign: 'action-month-15-11',
    publishedAt: '2022-11-16T02:00:00.000Z',
  },
  // 2023-Q1
  {
    title: 'Chuyên đề “Em yêu mẹ và cô” chào mừng Ngày Quốc tế Phụ nữ 8/3',
    excerpt: 'Học sinh khối 6 tự tay làm thiệp, viết thư và dàn dựng tiết mục văn nghệ tặng mẹ, cô giáo và các bạn nữ.',
    paragraphs: [
      'Trong tuần lễ từ 1/3 đến 8/3/2023, các lớp khối 6 tham gia chuyên đề “Em yêu mẹ và cô” do Liên đội Trường THCS Nguyễn Du tổ chức.',
      'Mỗi lớp chuẩn bị một góc trưng bày thiệp và thư tay. Nhiều bức thư được các bạn nam viết rất chân thành, kể về những lần mẹ thức khuya chăm em ốm hay cô giáo kiên nhẫn giảng lại bài.',
      {
        quote:
          '“Con hứa sẽ tự gấp quần áo và rửa bát mỗi tối để mẹ được nghỉ ngơi.” – Thư của em Đỗ Minh Khang, lớp 6A2',
      },
      'Chuyên đề khép lại bằng buổi giao lưu văn nghệ, trong đó tiết mục tốp ca nam “Mẹ yêu” nhận được tràng pháo tay dài nhất.',
    ],
    audiences: ['students', 'parents'],
    topics: ['Vì sự tiến bộ của phụ nữ', 'Gia đình hạnh phúc'],
    campaign: 'women-day-8-3',
    publishedAt: '2023-03-07T04:00:00.000Z',
  },
  {
    title: 'Ngày Quốc tế Hạnh phúc 20/3: Hạnh phúc là khi được lắng nghe',
    excerpt:
      'Buổi sinh hoạt chuyên đề giúp học sinh gọi tên cảm xúc, biết chia sẻ với cha mẹ, thầy cô và tìm kiếm sự hỗ trợ khi cần.',
    paragraphs: [
      'Nhân Ngày Quốc tế Hạnh phúc 20/3, phòng tư vấn tâm lý học đường Trường THCS Nguyễn Du tổ chức buổi sinh hoạt chuyên đề “Hạnh phúc là khi được lắng nghe”.',
      'Học sinh được hướng dẫn viết “nhật ký cảm xúc”, thực hành lắng nghe tích cực theo cặp và chia sẻ một điều khiến mình thấy biết ơn trong tuần.',
      { heading: 'Khi nào cần tìm người giúp đỡ?' },
      'Cô Nguyễn Hồng Nhung, giáo viên phụ trách tư vấn, nhắc nhở: nếu buồn bã kéo dài, bị bạn bè trêu chọc hay cảm thấy không an toàn, các em hãy nói ngay với giáo viên chủ nhiệm, cha mẹ hoặc gọi Tổng đài quốc gia bảo vệ trẻ em 111.',
    ],
    audiences: ['students', 'parents'],
    topics: ['Kỹ năng sống', 'Gia đình hạnh phúc'],
    campaign: 'happiness-day-20-3',
    publishedAt: '2023-03-20T02:15:00.000Z',
  },
  // 2023-Q2
  {
    title: 'Cha mẹ và con cùng chia sẻ việc nhà: chuyện nhỏ mà không nhỏ',
    excerpt:
      'Kết quả khảo sát 420 gia đình học sinh cho thấy việc nhà vẫn dồn chủ yếu lên người mẹ; nhà trường gợi ý cách phân công công bằng hơn.',
    paragraphs: [
      'Nhân Ngày Gia đình Việt Nam 28/6/2023, Ban đại diện cha mẹ học sinh Trường THCS Nguyễn Du công bố kết quả khảo sát nhanh về việc phân công việc nhà trong 420 gia đình học sinh.',
      'Có tới 68% gia đình cho biết người mẹ đảm nhận phần lớn việc nấu ăn và dọn dẹp, trong khi chỉ 23% học sinh nam thường xuyên rửa bát hoặc quét nhà.',
      { heading: 'Bắt đầu từ một bảng phân công' },
      'Nhiều gia đình đã thử lập bảng phân công việc nhà treo ở bếp, mỗi thành viên tự chọn việc theo tuần. Anh Trần Văn Đức, phụ huynh lớp 7A4, chia sẻ: “Từ khi cả nhà cùng làm, bữa tối vui hơn và vợ tôi có thời gian đọc sách.”',
      'Chia sẻ việc nhà không chỉ giảm gánh nặng cho người phụ nữ mà còn dạy con kỹ năng tự lập và tinh thần bình đẳng giới ngay trong gia đình.',
    ],
    audiences: ['parents'],
    topics: ['Gia đình hạnh phúc', 'Bình đẳng giới'],
    campaign: 'family-day-28-6',
    publishedAt: '2023-06-28T01:30:00.000Z',
  },
  // 2023-Q3
  {
    title: 'Mùa hè an toàn: kỹ năng tự bảo vệ trước nguy cơ xâm hại',
    excerpt:
      'Những nguyên tắc đơn giản giúp học sinh nhận biết và phòng tránh xâm hại, cùng gợi ý để cha mẹ trò chuyện với con một cách tự nhiên.',
    paragraphs: [
      'Kỳ nghỉ hè là thời gian học sinh tham gia nhiều hoạt động ngoài nhà trường. Phòng tư vấn tâm lý học đường tổng hợp một số kỹ năng tự bảo vệ mà cha mẹ nên cùng con ôn lại.',
      {
        list: [
          'Quy tắc “vùng đồ bơi”: không ai được chạm vào vùng cơ thể được đồ bơi che kín.',
          'Nói “không”, rời đi ngay và kể lại với người lớn tin cậy khi cảm thấy không an toàn.',
          'Không gửi ảnh riêng tư, không hẹn gặp người quen qua mạng khi chưa có cha mẹ đồng ý.',
        ],
      },
      'Cha mẹ nên trò chuyện với con bằng ngôn ngữ phù hợp lứa tuổi, không đổ lỗi và luôn để con biết rằng con được tin tưởng, được bảo vệ.',
    ],
    audiences: ['parents', 'students'],
    topics: ['Kỹ năng sống', 'Giáo dục giới tính'],
    campaign: null,
    publishedAt: '2023-08-18T03:00:00.000Z',
  },
  // 2023-Q4
  {
    title: 'Ngày 25/11: Cùng nói “không” với bạo lực gia đình và bạo lực học đường',
    excerpt:
      'Nhân Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ, nhà trường kêu gọi học sinh, thầy cô và gia đình chung tay vì bình đẳng giới và một môi trường không bạo lực.',
    paragraphs: [
      'Ngày 25/11 hằng năm là Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ, đồng thời là dịp cao điểm của Tháng hành động vì bình đẳng giới tại Việt Nam. Năm 2023, Trường THCS Nguyễn Du chọn chủ đề “Nói không với bạo lực gia đình và bạo lực học đường”.',
      { heading: 'Nhận diện các hình thức bạo lực' },
      'Bạo lực không chỉ là đánh đập. Chế giễu, cô lập, đe dọa, kiểm soát điện thoại hay lan truyền hình ảnh riêng tư trên mạng cũng là những hình thức bạo lực gây tổn thương lâu dài.',
      'Luật Phòng, chống bạo lực gia đình năm 2022 có hiệu lực từ ngày 1/7/2023 nhấn mạnh việc phòng ngừa và bảo vệ nạn nhân, đặc biệt là trẻ em. Ở trường học, Nghị định 80/2017/NĐ-CP quy định môi trường giáo dục an toàn, lành mạnh, thân thiện, phòng, chống bạo lực học đường.',
      { quote: 'Im lặng không phải là vàng khi bạn của mình đang bị bắt nạt.' },
      'Học sinh cần hỗ trợ có thể gặp giáo viên chủ nhiệm, phòng tư vấn tâm lý (tầng 2, nhà B) hoặc gọi Tổng đài quốc gia bảo vệ trẻ em 111 – miễn phí, hoạt động 24/7.',
    ],
    audiences: ['parents', 'students', 'teachers'],
    topics: ['Phòng chống bạo lực học đường', 'Gia đình hạnh phúc', 'Bình đẳng giới'],
    campaign: 'action-month-15-11',
    publishedAt: '2023-11-24T02:00:00.000Z',
  },
  // 2024-Q1
  {
    title: 'Tọa đàm “Nữ sinh và khoa học”: ước mơ không có giới hạn',
    excerpt:
      'Các nữ kỹ sư, nhà nghiên cứu trẻ trò chuyện cùng học sinh về con đường đến với khoa học, công nghệ, kỹ thuật và toán học.',
    paragraphs: [
      'Chào mừng Ngày Quốc tế Phụ nữ 8/3/2024, Trường THCS Nguyễn Du tổ chức tọa đàm “Nữ sinh và khoa học” với sự tham gia của ba khách mời là cựu học sinh của trường, hiện đang làm kỹ sư phần mềm, bác sĩ nội trú và nghiên cứu sinh vật liệu.',
      'Các khách mời kể về những lần bị hỏi “con gái học kỹ thuật làm gì?” và cách các chị vượt qua định kiến bằng sự kiên trì cùng sự ủng hộ của gia đình, thầy cô.',
      { heading: 'Câu lạc bộ STEM mở rộng cho nữ sinh' },
      'Sau tọa đàm, câu lạc bộ STEM của trường dành 50% suất đăng ký cho nữ sinh và bổ sung buổi lập trình robot vào chiều thứ Sáu hằng tuần.',
    ],
    audiences: ['students', 'teachers'],
    topics: ['Vì sự tiến bộ của phụ nữ', 'Bình đẳng giới'],
    campaign: 'women-day-8-3',
    publishedAt: '2024-03-08T03:00:00.000Z',
  },
  // 2024-Q2
  {
    title: 'Thông báo lịch họp cha mẹ học sinh cuối năm học 2023–2024',
    excerpt:
      'Nhà trường thông báo lịch họp cha mẹ học sinh các khối lớp; nội dung có phần trao đổi về kỹ năng an toàn trong dịp hè.',
    paragraphs: [
      'Trường THCS Nguyễn Du trân trọng thông báo lịch họp cha mẹ học sinh cuối năm học 2023–2024 như sau.',
      {
        list: [
          'Khối 6 và khối 7: 8 giờ sáng Chủ nhật, ngày 26/5/2024.',
          'Khối 8 và khối 9: 14 giờ chiều Chủ nhật, ngày 26/5/2024.',
        ],
      },
      'Đề nghị cha mẹ học sinh sắp xếp thời gian tham dự đầy đủ. Mọi thắc mắc xin liên hệ văn phòng nhà trường trong giờ hành chính.',
    ],
    audiences: ['parents'],
    topics: [],
    campaign: null,
    publishedAt: '2024-05-20T02:00:00.000Z',
    countsTowardColumn: false,
  },
  {
    title: 'Cuộc thi ảnh “Khoảnh khắc gia đình em” năm 2024',
    excerpt:
      'Hơn 300 bức ảnh ghi lại khoảnh khắc cả nhà cùng nấu ăn, đọc sách, chăm sóc ông bà đã được gửi về cuộc thi nhân Ngày Gia đình Việt Nam.',
    paragraphs: [
      'Cuộc thi ảnh “Khoảnh khắc gia đình em” do Liên đội Trường THCS Nguyễn Du tổ chức nhân Ngày Gia đình Việt Nam 28/6/2024 đã nhận được 312 tác phẩm.',
      'Giải Nhất thuộc về bức ảnh “Bố dạy em gói bánh chưng” của em Lê Bảo Ngọc, lớp 8A1. Ban giám khảo đánh giá cao tác phẩm vì thể hiện sự chia sẻ việc nhà tự nhiên, giản dị giữa các thành viên.',
      { heading: 'Triển lãm tại sảnh nhà A' },
      'Các tác phẩm đoạt giải được trưng bày tại sảnh nhà A đến hết tháng 9/2024 để học sinh và cha mẹ cùng thưởng lãm.',
    ],
    audiences: ['parents', 'students'],
    topics: ['Gia đình hạnh phúc'],
    campaign: 'family-day-28-6',
    publishedAt: '2024-06-26T03:00:00.000Z',
  },
  // 2024-Q3
  {
    title: 'Năm học 2024–2025: lồng ghép giáo dục bình đẳng giới vào các môn học',
    excerpt:
      'Các tổ chuyên môn xây dựng kế hoạch lồng ghép nội dung bình đẳng giới vào Ngữ văn, GDCD, Toán, Tiếng Anh và hoạt động trải nghiệm.',
    paragraphs: [
      'Ngay từ tuần đầu năm học 2024–2025, các tổ chuyên môn của Trường THCS Nguyễn Du đã rà soát chương trình để lồng ghép nội dung giáo dục bình đẳng giới vào bài dạy.',
      {
        list: [
          'Tổ Ngữ văn khai thác hình ảnh người phụ nữ trong văn học, trong đó có Truyện Kiều của Nguyễn Du.',
          'Tổ Toán – Tin sử dụng số liệu thống kê về giới trong các bài toán thực tế.',
          'Tổ Tiếng Anh lựa chọn bài đọc về những người phụ nữ truyền cảm hứng trên thế giới.',
        ],
      },
      'Các giáo án, bài giảng mẫu được đăng tải trong mục Tài liệu giảng dạy để đồng nghiệp trong và ngoài trường cùng tham khảo.',
    ],
    audiences: ['teachers'],
    topics: ['Bình đẳng giới'],
    campaign: null,
    publishedAt: '2024-09-06T02:00:00.000Z',
  },
  // 2024-Q4
  {
    title: 'Sân khấu hóa “Lời chưa nói”: học sinh lên tiếng phòng chống bạo lực trên cơ sở giới',
    excerpt:
      'Vở kịch ngắn do học sinh khối 8 tự viết và dàn dựng giúp các bạn nhận diện bạo lực qua mạng và biết cách tìm kiếm sự giúp đỡ.',
    paragraphs: [
      'Trong khuôn khổ Tháng hành động vì bình đẳng giới năm 2024, học sinh khối 8 Trường THCS Nguyễn Du đã dàn dựng vở kịch ngắn “Lời chưa nói”.',
      'Vở kịch kể về một nữ sinh bị bạn cùng lớp lan truyền ảnh chế trên mạng xã hội và hành trình em dũng cảm chia sẻ với cô giáo chủ nhiệm.',
      {
        quote:
          '“Khi đóng vai người đứng xem, em mới hiểu sự im lặng của mình cũng làm bạn đau.” – Em Vũ Đăng Khoa, lớp 8A5',
      },
      'Sau buổi diễn, các lớp thảo luận và cùng xây dựng “Quy tắc ứng xử trên mạng” để dán tại lớp học.',
    ],
    audiences: ['students'],
    topics: ['Phòng chống bạo lực học đường', 'Bình đẳng giới'],
    campaign: 'action-month-15-11',
    publishedAt: '2024-12-03T03:30:00.000Z',
  },
  // 2025-Q1
  {
    title: 'Góc “Hộp thư hạnh phúc”: nơi học sinh gửi lời cảm ơn và sẻ chia',
    excerpt:
      'Mỗi lớp có một hộp thư để học sinh gửi lời cảm ơn, lời xin lỗi hoặc tâm sự ẩn danh tới thầy cô và bạn bè.',
    paragraphs: [
      'Hưởng ứng Ngày Quốc tế Hạnh phúc 20/3/2025, Liên đội Trường THCS Nguyễn Du đặt “Hộp thư hạnh phúc” tại 32 lớp học.',
      'Học sinh có thể viết lời cảm ơn, lời xin lỗi hay những điều khó nói. Những lá thư cần hỗ trợ được chuyển tới phòng tư vấn tâm lý, bảo đảm bí mật cho người viết.',
      { heading: 'Những lá thư đầu tiên' },
      'Chỉ sau một tuần, các hộp thư đã nhận được hơn 500 lá thư, phần lớn là lời cảm ơn bạn bè đã giúp đỡ trong học tập và lời xin lỗi vì những câu trêu đùa vô tình làm bạn buồn.',
    ],
    audiences: ['students'],
    topics: ['Kỹ năng sống'],
    campaign: 'happiness-day-20-3',
    publishedAt: '2025-03-19T02:00:00.000Z',
  },
  // 2025-Q2
  {
    title: 'Giáo dục giới tính tuổi dậy thì: cha mẹ nên bắt đầu từ đâu?',
    excerpt:
      'Chuyên gia tâm lý gợi ý cách cha mẹ trò chuyện với con về những thay đổi của tuổi dậy thì một cách cởi mở, đúng lúc và đúng mực.',
    paragraphs: [
      'Tuổi học sinh THCS là giai đoạn dậy thì với nhiều thay đổi về cơ thể và tâm lý. Thế nhưng nhiều cha mẹ vẫn ngại ngùng khi nói chuyện với con về giới tính.',
      { heading: 'Ba nguyên tắc đơn giản' },
      {
        list: [
          'Gọi đúng tên các bộ phận cơ thể, không né tránh.',
          'Trả lời trung thực, ngắn gọn, phù hợp với độ tuổi của con.',
          'Cả bố và mẹ đều tham gia, không giao việc này riêng cho mẹ.',
        ],
      },
      'Nhà trường sẽ tổ chức buổi chuyên đề dành cho cha mẹ học sinh khối 6 và khối 7 vào tháng 5. Cha mẹ có thể gửi câu hỏi trước qua giáo viên chủ nhiệm.',
    ],
    audiences: ['parents'],
    topics: ['Giáo dục giới tính', 'Gia đình hạnh phúc'],
    campaign: null,
    publishedAt: '2025-04-22T02:30:00.000Z',
  },
  // 2025-Q3
  {
    title: 'Tập huấn giáo viên chủ nhiệm: nhận diện và hỗ trợ học sinh bị bắt nạt',
    excerpt:
      'Đợt tập huấn hè trang bị cho giáo viên quy trình tiếp nhận, xử lý và theo dõi các trường hợp bắt nạt, kể cả bắt nạt trên mạng.',
    paragraphs: [
      'Trong hai ngày 15 và 16/7/2025, 40 giáo viên chủ nhiệm Trường THCS Nguyễn Du tham gia lớp tập huấn “Nhận diện và hỗ trợ học sinh bị bắt nạt”.',
      'Giáo viên được thực hành tình huống, học cách lắng nghe mà không phán xét và phối hợp với gia đình trong quá trình hỗ trợ học sinh.',
      { heading: 'Quy trình bốn bước' },
      {
        list: [
          'Tiếp nhận thông tin và bảo đảm an toàn cho học sinh.',
          'Xác minh, ghi nhận sự việc một cách khách quan.',
          'Phối hợp với cha mẹ học sinh và phòng tư vấn tâm lý.',
          'Theo dõi, đánh giá sau can thiệp ít nhất bốn tuần.',
        ],
      },
    ],
    audiences: ['teachers'],
    topics: ['Phòng chống bạo lực học đường', 'Kỹ năng sống'],
    campaign: null,
    publishedAt: '2025-07-16T08:00:00.000Z',
  },
  // 2025-Q4
  {
    title: 'Phát động Tháng hành động vì bình đẳng giới năm 2025: “Chung tay chấm dứt bạo lực”',
    excerpt:
      'Lễ phát động thu hút toàn thể học sinh, thầy cô và đại diện cha mẹ học sinh cùng ký cam kết xây dựng trường học không bạo lực.',
    paragraphs: [
      'Sáng 17/11/2025, Trường THCS Nguyễn Du tổ chức lễ phát động Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2025 với thông điệp “Chung tay chấm dứt bạo lực”.',
      'Đại diện học sinh, giáo viên và Ban đại diện cha mẹ học sinh cùng ký cam kết xây dựng trường học an toàn, bình đẳng, không bạo lực.',
      { heading: 'Chuỗi hoạt động đến ngày 15/12' },
      {
        list: [
          'Triển lãm “Chiếc ô màu cam” – biểu tượng của chiến dịch chấm dứt bạo lực với phụ nữ và trẻ em gái.',
          'Cuộc thi viết “Điều em muốn nói” dành cho học sinh khối 8 và khối 9.',
          'Chuyên đề cho cha mẹ: “Kỷ luật tích cực – nuôi dạy con không đòn roi”.',
        ],
      },
    ],
    audiences: ['parents', 'students', 'teachers'],
    topics: ['Bình đẳng giới', 'Phòng chống bạo lực học đường'],
    campaign: 'action-month-15-11',
    publishedAt: '2025-11-17T02:00:00.000Z',
  },
  // 2026-Q1
  {
    title: 'Học sinh nam vào bếp: món quà tặng mẹ và cô nhân ngày 8/3',
    excerpt:
      'Cuộc thi nấu ăn dành riêng cho học sinh nam mang đến những mâm cơm đầy màu sắc và thông điệp đẹp về chia sẻ việc nhà.',
    paragraphs: [
      'Chào mừng Ngày Quốc tế Phụ nữ 8/3/2026, Đoàn – Đội Trường THCS Nguyễn Du tổ chức cuộc thi “Học sinh nam vào bếp” với sự tham gia của 24 đội thi.',
      'Trong 60 phút, các đội hoàn thành mâm cơm gia đình gồm món mặn, món rau và món canh. Nhiều bạn lần đầu cầm dao thái rau nhưng được bố hướng dẫn từ trước ở nhà.',
      {
        quote:
          '“Nấu một bữa mới thấy mẹ vất vả thế nào. Từ nay em sẽ vào bếp cùng mẹ mỗi cuối tuần.” – Em Hoàng Gia Bảo, lớp 7A3',
      },
      'Các mâm cơm sau đó được dành tặng cô giáo, nữ nhân viên và các bạn nữ trong lớp.',
    ],
    audiences: ['students', 'parents'],
    topics: ['Bình đẳng giới', 'Gia đình hạnh phúc'],
    campaign: 'women-day-8-3',
    publishedAt: '2026-03-06T03:00:00.000Z',
  },
  {
    title: 'Ngày Quốc tế Hạnh phúc 2026: “Lớp học hạnh phúc – Thầy cô hạnh phúc”',
    excerpt:
      'Giáo viên chia sẻ những cách nhỏ để mỗi giờ học trở thành nơi học sinh được tôn trọng, an toàn và được là chính mình.',
    paragraphs: [
      'Ngày 20/3/2026, Trường THCS Nguyễn Du tổ chức sinh hoạt chuyên môn liên tổ với chủ đề “Lớp học hạnh phúc – Thầy cô hạnh phúc”.',
      'Giáo viên chia sẻ các thực hành như chào hỏi học sinh ở cửa lớp, “góc bình yên” cho học sinh cần điều hòa cảm xúc và quy ước lớp học do chính học sinh xây dựng.',
      { heading: 'Hạnh phúc của thầy cô cũng quan trọng' },
      'Công đoàn nhà trường duy trì câu lạc bộ yoga và đọc sách vào chiều thứ Tư, giúp thầy cô cân bằng giữa công việc và gia đình.',
    ],
    audiences: ['teachers', 'students'],
    topics: ['Kỹ năng sống'],
    campaign: 'happiness-day-20-3',
    publishedAt: '2026-03-20T02:00:00.000Z',
  },
  // 2026-Q2
  {
    title: 'Ngày Gia đình Việt Nam 2026: trao yêu thương, giữ nếp nhà',
    excerpt:
      'Ngày hội gia đình tại sân trường với các trò chơi dân gian, góc kể chuyện ông bà và cam kết “Gia đình không bạo lực”.',
    paragraphs: [
      'Chiều 27/6/2026, hơn 200 gia đình học sinh đã tham gia ngày hội “Trao yêu thương, giữ nếp nhà” tại sân Trường THCS Nguyễn Du.',
      'Các gia đình cùng chơi kéo co, ô ăn quan, nhảy bao bố; ông bà kể cho các cháu nghe về nếp nhà xưa và những kỷ niệm đẹp của gia đình.',
      { heading: 'Cam kết “Gia đình không bạo lực”' },
      'Kết thúc ngày hội, các gia đình cùng ký vào tấm pa-nô cam kết yêu thương, tôn trọng và bình đẳng giữa các thành viên, không sử dụng bạo lực trong nuôi dạy con.',
    ],
    audiences: ['parents', 'students'],
    topics: ['Gia đình hạnh phúc'],
    campaign: 'family-day-28-6',
    publishedAt: '2026-06-27T09:00:00.000Z',
  },
  // 2026-Q3
  {
    title: 'Ra mắt Câu lạc bộ “Thủ lĩnh của sự thay đổi” năm học 2026–2027',
    excerpt:
      'Câu lạc bộ do học sinh điều hành, hướng tới trao quyền cho các bạn nữ và thúc đẩy bình đẳng giới trong trường học.',
    paragraphs: [
      'Ngày 9/9/2026, Câu lạc bộ “Thủ lĩnh của sự thay đổi” của Trường THCS Nguyễn Du chính thức ra mắt với 45 thành viên từ khối 7 đến khối 9.',
      'Câu lạc bộ sinh hoạt hai tuần một lần, rèn luyện kỹ năng thuyết trình, lãnh đạo và tổ chức các chiến dịch truyền thông về bình đẳng giới.',
      {
        list: [
          'Tháng 10: chiến dịch “Nói không với định kiến giới” trên bảng tin lớp.',
          'Tháng 11: đồng tổ chức Tháng hành động vì bình đẳng giới.',
          'Tháng 3: diễn đàn “Tiếng nói nữ sinh”.',
        ],
      },
    ],
    audiences: ['students', 'teachers'],
    topics: ['Bình đẳng giới', 'Kỹ năng sống'],
    campaign: null,
    publishedAt: '2026-09-09T02:00:00.000Z',
  },
  // 2026-Q4, published before 2026-11-20
  {
    title: 'Chào mừng Ngày Phụ nữ Việt Nam 20/10: tri ân các cô giáo và nữ nhân viên',
    excerpt:
      'Buổi gặp mặt nhân kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam tôn vinh những đóng góp thầm lặng của đội ngũ nữ trong nhà trường.',
    paragraphs: [
      'Nhân kỷ niệm 96 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 – 20/10/2026), Công đoàn Trường THCS Nguyễn Du tổ chức buổi gặp mặt tri ân các cô giáo và nữ nhân viên.',
      'Học sinh các lớp gửi tặng những bó hoa tự kết và video chúc mừng. Nhà trường khen thưởng 12 cô giáo đạt danh hiệu “Giỏi việc trường – Đảm việc nhà” năm 2026.',
      { quote: 'Mỗi cô giáo là một tấm gương để học sinh tin rằng phụ nữ có thể làm được mọi điều.' },
    ],
    audiences: ['teachers'],
    topics: ['Vì sự tiến bộ của phụ nữ'],
    campaign: null,
    publishedAt: '2026-10-19T02:00:00.000Z',
  },
  // Draft: must never be public.
  {
    title: 'Kế hoạch hưởng ứng Tháng hành động vì bình đẳng giới năm 2026 (dự thảo)',
    excerpt: 'Dự thảo kế hoạch đang được lấy ý kiến các tổ chuyên môn, Đoàn – Đội và Ban đại diện cha mẹ học sinh.',
    paragraphs: [
      'Dự thảo kế hoạch hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026 của Trường THCS Nguyễn Du.',
      { heading: 'Nội dung dự kiến' },
      {
        list: [
          'Lễ phát động dưới cờ ngày 16/11/2026.',
          'Diễn đàn học sinh về an toàn trên không gian mạng.',
          'Chuyên đề cho cha mẹ học sinh về kỷ luật tích cực.',
        ],
      },
      'Các đơn vị gửi góp ý về bộ phận văn phòng trước ngày 10/11/2026.',
    ],
    audiences: ['teachers'],
    topics: ['Bình đẳng giới', 'Phòng chống bạo lực học đường'],
    campaign: 'action-month-15-11',
    publishedAt: '2026-11-25T02:00:00.000Z',
    draft: true,
  },
  // Scheduled: published status but dated in the future.
  {
    title: 'Chương trình “Tết sẻ chia” năm 2027: mỗi lớp một món quà yêu thương',
    excerpt:
      'Học sinh các lớp cùng gói quà Tết tặng các bạn có hoàn cảnh khó khăn và bày tỏ lòng biết ơn tới cô chú bảo vệ, lao công.',
    paragraphs: [
      'Chương trình “Tết sẻ chia” năm 2027 của Trường THCS Nguyễn Du sẽ diễn ra từ ngày 5/1 đến ngày 25/1/2027.',
      'Mỗi lớp chuẩn bị một món quà Tết tặng các bạn có hoàn cảnh khó khăn, đồng thời viết thiệp cảm ơn các cô chú bảo vệ, lao công và nhân viên nhà bếp.',
      'Ban tổ chức khuyến khích cả bạn nam và bạn nữ cùng tham gia gói quà, trang trí và trao tặng, để niềm vui sẻ chia được lan tỏa đồng đều trong tập thể.',
    ],
    audiences: ['students', 'parents'],
    topics: ['Kỹ năng sống', 'Gia đình hạnh phúc'],
    campaign: null,
    publishedAt: '2027-01-05T02:00:00.000Z',
  },
];

export const demoModelStories: DemoModelStory[] = [
  {
    title: 'Cô Trần Thị Thu Hà: người truyền lửa yêu văn chương và lòng tự tin cho học sinh',
    kind: 'individual',
    subjectName: 'Trần Thị Thu Hà',
    unit: 'Tổ Ngữ văn',
    recognition: 'Giỏi việc trường – Đảm việc nhà',
    year: 2024,
    summary:
      'Giáo viên Ngữ văn 18 năm đứng lớp, là mẹ của hai con, cô Thu Hà luôn cân bằng giữa công việc và gia đình nhờ sự chia sẻ của chồng và các con.',
    paragraphs: [
      'Cô Trần Thị Thu Hà gắn bó với Trường THCS Nguyễn Du từ năm 2006. Các tiết dạy Truyện Kiều của cô luôn khiến học sinh say mê, bởi cô giúp các em nhìn thấy số phận người phụ nữ xưa để trân trọng quyền bình đẳng hôm nay.',
      { heading: 'Ở trường: tận tâm với từng học sinh' },
      'Năm học 2023–2024, lớp 9A2 do cô chủ nhiệm có 100% học sinh đỗ vào các trường trung học phổ thông công lập. Cô còn hướng dẫn ba học sinh đạt giải cấp thành phố môn Ngữ văn.',
      { heading: 'Ở nhà: cả gia đình cùng chia sẻ' },
      'Cô kể, bí quyết của mình là “bảng việc nhà” treo trên tủ lạnh: chồng cô phụ trách đưa đón con, hai con tự dọn phòng và rửa bát. Nhờ vậy, cô có thời gian soạn bài và đọc sách mỗi tối.',
    ],
    publishedAt: '2024-10-18T02:00:00.000Z',
  },
  {
    title: 'Gia đình em Lê Quang Huy: nơi việc nhà là “việc của cả nhà”',
    kind: 'family',
    subjectName: 'Gia đình anh Lê Quang Minh và chị Nguyễn Thị Lan',
    unit: 'Lớp 7A1',
    recognition: 'Gia đình văn hóa tiêu biểu',
    year: 2023,
    summary:
      'Gia đình ba thế hệ sống hòa thuận, phân công việc nhà công bằng và luôn dành thời gian cho bữa cơm chung mỗi tối.',
    paragraphs: [
      'Gia đình em Lê Quang Huy, học sinh lớp 7A1, được phường Hàng Trống bình chọn là “Gia đình văn hóa tiêu biểu” năm 2023.',
      'Trong gia đình ba thế hệ, mỗi người có một phần việc: ông chăm cây cảnh và đưa đón cháu, bố nấu bữa tối các ngày trong tuần, mẹ lo bữa sáng, còn Huy và em gái thay nhau quét nhà, rửa bát.',
      { quote: '“Ở nhà em, không có việc nào là việc của riêng mẹ cả.” – Em Lê Quang Huy' },
      'Chị Nguyễn Thị Lan chia sẻ, khi mọi thành viên được tôn trọng và cùng gánh vác, gia đình không chỉ bớt mệt mà còn thêm nhiều tiếng cười.',
    ],
    publishedAt: '2023-06-29T02:00:00.000Z',
  },
  {
    title: 'Lớp 8A3: tập thể nói không với định kiến giới',
    kind: 'class',
    subjectName: 'Tập thể lớp 8A3',
    unit: 'Lớp 8A3',
    recognition: 'Tập thể lớp tiêu biểu thực hiện bình đẳng giới',
    year: 2025,
    summary:
      'Từ bảng phân công trực nhật luân phiên đến ban cán sự nam nữ cân bằng, lớp 8A3 trở thành hình mẫu về lớp học bình đẳng.',
    paragraphs: [
      'Năm học 2024–2025, lớp 8A3 được Liên đội công nhận là “Tập thể lớp tiêu biểu thực hiện bình đẳng giới”.',
      {
        list: [
          'Ban cán sự lớp gồm 4 bạn nữ và 4 bạn nam, lớp trưởng được bầu luân phiên theo học kỳ.',
          'Trực nhật, lao động, kê bàn ghế được phân công theo tổ, không phân biệt nam nữ.',
          'Lớp tự xây dựng “Từ điển lời nói đẹp” thay cho những câu trêu đùa mang định kiến.',
        ],
      },
      'Cô giáo chủ nhiệm Đặng Thị Mai cho biết, điều đáng quý nhất là các em tự phát hiện và nhắc nhở nhau khi có biểu hiện thiếu tôn trọng bạn khác giới.',
    ],
    publishedAt: '2025-05-22T02:00:00.000Z',
  },
  {
    title: 'Mô hình “Góc tư vấn bạn đồng hành”: học sinh hỗ trợ học sinh',
    kind: 'practice',
    subjectName: 'Góc tư vấn bạn đồng hành',
    unit: 'Liên đội Trường THCS Nguyễn Du',
    recognition: 'Mô hình hay về phòng chống bạo lực học đường cấp quận',
    year: 2025,
    summary:
      'Nhóm 16 học sinh được tập huấn kỹ năng lắng nghe, làm cầu nối giữa bạn bè với thầy cô tư vấn khi có dấu hiệu bắt nạt hoặc bạo lực.',
    paragraphs: [
      'Ra đời từ năm học 2023–2024, “Góc tư vấn bạn đồng hành” là mô hình do Liên đội Trường THCS Nguyễn Du xây dựng với sự hỗ trợ của phòng tư vấn tâm lý học đường.',
      'Các bạn đồng hành được tập huấn về lắng nghe tích cực, giữ bí mật và nhận diện dấu hiệu bắt nạt. Khi phát hiện tình huống nghiêm trọng, các em báo ngay cho giáo viên tư vấn theo quy trình đã thống nhất.',
      { heading: 'Kết quả sau hai năm' },
      'Mô hình đã tiếp nhận hơn 120 lượt chia sẻ, kịp thời phát hiện 9 trường hợp bắt nạt qua mạng. Năm 2025, mô hình được Phòng GDĐT quận Hoàn Kiếm công nhận là mô hình hay cấp quận.',
    ],
    publishedAt: '2025-12-10T02:00:00.000Z',
  },
];

export const demoTeachingResources: DemoTeachingResource[] = [
  {
    title: 'Giáo án GDCD 8: Bình đẳng giới trong gia đình',
    summary:
      'Kế hoạch bài dạy 45 phút theo Chương trình GDPT 2018, giúp học sinh nhận biết biểu hiện bình đẳng và bất bình đẳng giới trong đời sống gia đình.',
    subject: 'gdcd',
    grades: ['8'],
    kind: 'lesson-plan',
    file: { format: 'docx', filename: 'giao-an-gdcd-8-binh-dang-gioi-trong-gia-dinh.docx' },
    durationMinutes: 45,
    learningGoals: [
      'Nêu được khái niệm bình đẳng giới theo Luật Bình đẳng giới năm 2006.',
      'Nhận diện được biểu hiện bất bình đẳng giới trong phân công việc nhà.',
      'Đề xuất được việc làm cụ thể để thực hiện bình đẳng giới trong gia đình mình.',
    ],
    license: 'CC BY 4.0',
    publishedAt: '2024-09-10T02:00:00.000Z',
  },
  {
    title: 'Bài giảng HĐTN-HN 7: Nói không với định kiến giới',
    summary:
      'Bộ trình chiếu gồm tình huống, trò chơi “Đúng hay sai?” và phiếu thảo luận nhóm về định kiến giới trong học tập và nghề nghiệp.',
    subject: 'hdtn-hn',
    grades: ['7'],
    kind: 'slides',
    file: { format: 'pptx', filename: 'bai-giang-hdtn-7-noi-khong-voi-dinh-kien-gioi.pptx' },
    durationMinutes: 45,
    learningGoals: [
      'Phân biệt được giới tính và giới.',
      'Chỉ ra được một số định kiến giới thường gặp trong lựa chọn nghề nghiệp.',
      'Rèn luyện kỹ năng phản biện khi nghe những nhận xét mang định kiến.',
    ],
    license: 'CC BY-SA 4.0',
    publishedAt: '2024-11-20T02:00:00.000Z',
  },
  {
    title: 'Phiếu học tập Toán 6: Thống kê sở thích câu lạc bộ theo giới',
    summary:
      'Bảng số liệu thực tế về đăng ký câu lạc bộ của học sinh khối 6, dùng để luyện đọc, lập bảng và vẽ biểu đồ cột kép.',
    subject: 'toan',
    grades: ['6'],
    kind: 'worksheet',
    file: { format: 'xlsx', filename: 'phieu-hoc-tap-toan-6-thong-ke-theo-gioi.xlsx' },
    durationMinutes: 30,
    learningGoals: [
      'Đọc và mô tả được dữ liệu từ bảng thống kê.',
      'Vẽ được biểu đồ cột kép so sánh số liệu nam và nữ.',
      'Nhận xét được xu hướng và đặt câu hỏi về nguyên nhân của sự chênh lệch.',
    ],
    license: 'CC BY 4.0',
    publishedAt: '2025-02-14T02:00:00.000Z',
  },
  {
    title: 'Tư liệu Ngữ văn 9: Hình ảnh người phụ nữ trong Truyện Kiều',
    summary:
      'Tuyển chọn đoạn trích, câu hỏi gợi mở và bài đọc thêm giúp học sinh cảm nhận thân phận người phụ nữ xưa qua ngòi bút Nguyễn Du.',
    subject: 'ngu-van',
    grades: ['9'],
    kind: 'reference',
    file: { format: 'pdf', filename: 'tu-lieu-ngu-van-9-nguoi-phu-nu-trong-truyen-kieu.pdf' },
    learningGoals: [
      'Phân tích được giá trị nhân đạo của Truyện Kiều qua hình tượng Thúy Kiều.',
      'Liên hệ được với quyền bình đẳng của phụ nữ trong xã hội hiện nay.',
    ],
    license: 'CC BY-NC 4.0',
    publishedAt: '2025-03-05T02:00:00.000Z',
  },
  {
    title: 'Worksheet Tiếng Anh 8: Sharing housework in the family',
    summary:
      'Bài đọc hiểu và hoạt động khảo sát nhỏ bằng tiếng Anh về phân công việc nhà, kèm hướng dẫn cho giáo viên.',
    subject: 'tieng-anh',
    grades: ['8', '9'],
    kind: 'worksheet',
    file: { format: 'odt', filename: 'worksheet-tieng-anh-8-sharing-housework.odt' },
    durationMinutes: 40,
    learningGoals: [
      'Sử dụng được từ vựng về việc nhà (do the laundry, wash the dishes…).',
      'Thực hiện và trình bày được kết quả khảo sát ngắn bằng tiếng Anh.',
      'Bày tỏ được quan điểm về việc chia sẻ việc nhà giữa các thành viên.',
    ],
    license: 'CC BY 4.0',
    publishedAt: '2025-10-08T02:00:00.000Z',
  },
  {
    title: 'Video KHTN 8: Tuổi dậy thì – hiểu mình, tôn trọng bạn',
    summary:
      'Video hoạt hình 12 phút kèm bộ trình chiếu hướng dẫn thảo luận về những thay đổi của tuổi dậy thì ở cả nam và nữ.',
    subject: 'khtn',
    grades: ['8'],
    kind: 'video',
    file: { format: 'odp', filename: 'trinh-chieu-khtn-8-tuoi-day-thi.odp' },
    videoUrl: 'https://video.thcsnguyendu.example/khtn-8/tuoi-day-thi-hieu-minh-ton-trong-ban.mp4',
    durationMinutes: 12,
    learningGoals: [
      'Mô tả được một số thay đổi về thể chất và tâm lý ở tuổi dậy thì.',
      'Biết cách chăm sóc, vệ sinh cơ thể phù hợp lứa tuổi.',
      'Tôn trọng sự khác biệt và không trêu chọc bạn về ngoại hình.',
    ],
    license: 'CC BY-NC-SA 4.0',
    publishedAt: '2026-04-15T02:00:00.000Z',
  },
];

export const demoImages: DemoImage[] = [
  {
    filename: 'ky-niem-ngay-quoc-te-phu-nu-8-3.jpg',
    alt: 'Các cô giáo Trường THCS Nguyễn Du nhận hoa chúc mừng từ học sinh trong buổi kỷ niệm Ngày Quốc tế Phụ nữ 8/3',
    palette: ['#c2185b', '#f8bbd0'],
  },
  {
    filename: 'bua-com-gia-dinh-28-6.jpg',
    alt: 'Bố, mẹ và hai con cùng dọn mâm cơm tối trong ngôi nhà ấm cúng nhân Ngày Gia đình Việt Nam',
    palette: ['#e65100', '#ffe0b2'],
  },
  {
    filename: 'thang-hanh-dong-binh-dang-gioi.jpg',
    alt: 'Học sinh xếp hàng trên sân trường cầm những chiếc ô màu cam hưởng ứng Tháng hành động vì bình đẳng giới',
    palette: ['#ef6c00', '#4a148c'],
  },
  {
    filename: 'hop-thu-hanh-phuc-20-3.jpg',
    alt: 'Hộp thư hạnh phúc bằng bìa màu vàng đặt trên bàn giáo viên, bên cạnh những tấm thiệp viết tay của học sinh',
    palette: ['#f9a825', '#fff9c4'],
  },
  {
    filename: 'nu-sinh-cau-lac-bo-stem.jpg',
    alt: 'Ba nữ sinh lớp 8 đang lắp ráp và lập trình robot trong phòng học câu lạc bộ STEM',
    palette: ['#1565c0', '#80deea'],
  },
  {
    filename: 'san-khau-hoa-phong-chong-bao-luc.jpg',
    alt: 'Học sinh khối 8 biểu diễn tiểu phẩm phòng chống bạo lực học đường trên sân khấu hội trường nhà trường',
    palette: ['#2e7d32', '#c5e1a5'],
  },
];
