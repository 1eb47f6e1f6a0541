/**
 * Two more schools of the demo district (Phòng GDĐT quận Hoàn Kiếm), hosted
 * on the same install beside Trường THCS Nguyễn Du, with fewer items:
 * Trường THCS Lê Lợi keeps its column every quarter, Trường THCS Trần Phú
 * misses two quarters, so the district's dashboard has something to show.
 * The schools, people and events are fictional.
 *
 * Their items are dated in quarters before the one the seed runs in
 * (`quartersAgo`), so whenever the demo is installed the district sees the
 * same picture: six ended quarters reported, the current one in progress.
 */
import { type Quarter, quarterId, quarterOf, quarterStart } from '../domain/quarters';
import type { Audience, Role } from '../domain/vocabulary';
import type { DemoBlock, DemoImage } from './demo-content';
import { DISTRICT_OFFICE } from './demo-content';

export interface DistrictArticle {
  title: string;
  excerpt: string;
  paragraphs: DemoBlock[];
  audiences: Audience[];
  /** 1 = the last ended quarter; never 0, so no item is dated after the seed runs. */
  quartersAgo: number;
  draft?: boolean;
}

export interface DistrictSchool {
  name: string;
  accounts: { email: string; name: string; role: Role }[];
  topic: string;
  image: DemoImage;
  articles: DistrictArticle[];
}

/** Ended quarters each district school reports (its start is this many quarters back). */
export const REPORTED_QUARTERS = 6;

export const DISTRICT_OFFICER = {
  email: 'canbo@pgdhoankiem.edu.vn',
  name: 'Vũ Thị Thanh Hương',
  /** The office whose schools the officer follows. */
  office: DISTRICT_OFFICE,
};

export const districtSchools: DistrictSchool[] = [
  {
    name: 'Trường THCS Lê Lợi',
    accounts: [
      { email: 'quantri@leloi.edu.vn', name: 'Hoàng Thị Mai', role: 'admin' },
      { email: 'bientap@leloi.edu.vn', name: 'Phạm Quốc Huy', role: 'editor' },
      { email: 'congtacvien@leloi.edu.vn', name: 'Đặng Thu Hà', role: 'contributor' },
    ],
    topic: 'Sinh hoạt lớp',
    image: {
      filename: 'le-loi-sinh-hoat-lop.jpg',
      alt: 'Học sinh Trường THCS Lê Lợi thảo luận nhóm trong tiết sinh hoạt lớp',
      palette: ['#264653', '#2a9d8f'],
    },
    articles: [
      {
        title: 'Tiết sinh hoạt lớp “Việc nhà không của riêng ai”',
        excerpt: 'Học sinh lớp 7A2 lập bảng phân công việc nhà cho cả gia đình và cam kết thực hiện trong một tháng.',
        paragraphs: [
          'Trong tiết sinh hoạt lớp, cô chủ nhiệm đề nghị mỗi em kể lại một ngày việc nhà ở gia đình mình: ai nấu cơm, ai rửa bát, ai đưa em đi học.',
          'Từ những câu chuyện ấy, cả lớp cùng lập bảng phân công việc nhà theo khả năng của từng người, không theo giới tính, và mang về nhà để cả gia đình cùng ký tên.',
        ],
        audiences: ['students', 'parents'],
        quartersAgo: 6,
      },
      {
        title: 'Câu lạc bộ Em yêu khoa học đón thêm nhiều nữ sinh',
        excerpt: 'Năm nay, nữ sinh chiếm gần một nửa số thành viên câu lạc bộ, tăng gấp đôi so với năm trước.',
        paragraphs: [
          'Sau buổi giới thiệu các nhà khoa học nữ Việt Nam, nhiều nữ sinh khối 6 và khối 7 đã đăng ký tham gia câu lạc bộ Em yêu khoa học.',
          'Các nhóm được xếp xen kẽ nam và nữ; mỗi thành viên lần lượt giữ vai trò trưởng nhóm để ai cũng được thử sức.',
        ],
        audiences: ['students'],
        quartersAgo: 5,
      },
      {
        title: 'Tọa đàm “Con trai cũng được khóc”',
        excerpt: 'Học sinh khối 8 trao đổi về việc bày tỏ cảm xúc và những định kiến “con trai phải mạnh mẽ”.',
        paragraphs: [
          'Buổi tọa đàm do tổ tư vấn học đường tổ chức đã thu hút hơn 200 học sinh khối 8. Nhiều em mạnh dạn chia sẻ những lần bị trêu chọc chỉ vì khóc trước bạn bè.',
          'Chuyên viên tư vấn nhắc các em rằng cảm xúc không có giới tính: biết gọi tên và chia sẻ cảm xúc là một kỹ năng cần thiết cho cả nam và nữ.',
        ],
        audiences: ['students', 'teachers'],
        quartersAgo: 4,
      },
      {
        title: 'Hội thi vẽ tranh “Gia đình em bình đẳng”',
        excerpt: 'Hơn 150 bức tranh của học sinh thể hiện hình ảnh bố mẹ cùng làm việc nhà, cùng chăm sóc con.',
        paragraphs: [
          'Hội thi dành cho học sinh khối 6 và khối 7, mỗi lớp chọn năm bức tranh tiêu biểu để trưng bày ở sảnh trường.',
          'Ban giám khảo đánh giá cao những bức tranh vẽ bố nấu ăn, ông đón cháu, anh trai giặt quần áo: những việc quen thuộc mà các em thấy mỗi ngày.',
        ],
        audiences: ['students', 'parents'],
        quartersAgo: 3,
      },
      {
        title: 'Giáo viên chủ nhiệm tập huấn lồng ghép giới trong giờ học',
        excerpt: 'Các thầy cô thực hành rà soát ví dụ, hình ảnh trong bài giảng để tránh định kiến giới.',
        paragraphs: [
          'Buổi tập huấn giúp giáo viên nhận ra những định kiến nhỏ trong bài giảng, như bài toán chỉ có “mẹ đi chợ” hay “bố sửa xe”.',
          'Mỗi tổ chuyên môn cam kết chỉnh sửa ít nhất ba bài giảng trong học kỳ và chia sẻ lại trên thư viện của trường.',
        ],
        audiences: ['teachers'],
        quartersAgo: 2,
      },
      {
        title: 'Phụ huynh cùng con thực hành chia sẻ việc nhà',
        excerpt: 'Ban đại diện cha mẹ học sinh phát động thử thách “Một tuần đổi vai” trong các gia đình.',
        paragraphs: [
          'Trong một tuần, bố và con trai đảm nhận bữa tối, mẹ và con gái phụ trách sửa chữa đồ dùng trong nhà.',
          'Nhiều phụ huynh gửi ảnh và cảm nhận về cho giáo viên chủ nhiệm; những chia sẻ hay được đọc trong buổi chào cờ đầu tuần.',
        ],
        audiences: ['parents', 'students'],
        quartersAgo: 1,
      },
    ],
  },
  {
    name: 'Trường THCS Trần Phú',
    accounts: [
      { email: 'quantri@tranphu.edu.vn', name: 'Bùi Văn Nam', role: 'admin' },
      { email: 'bientap@tranphu.edu.vn', name: 'Lý Thị Hồng', role: 'editor' },
      { email: 'congtacvien@tranphu.edu.vn', name: 'Trịnh Minh Đức', role: 'contributor' },
    ],
    topic: 'Tư vấn học đường',
    image: {
      filename: 'tran-phu-goc-tu-van.jpg',
      alt: 'Góc tư vấn tâm lý học đường của Trường THCS Trần Phú',
      palette: ['#6d597a', '#e56b6f'],
    },
    // Two ended quarters (5 and 2 quarters ago) have no counted item: a draft does not count.
    articles: [
      {
        title: 'Ra mắt góc tư vấn tâm lý “Lắng nghe em”',
        excerpt: 'Góc tư vấn mở cửa vào giờ ra chơi, nơi học sinh có thể gửi thư kín hoặc trò chuyện trực tiếp.',
        paragraphs: [
          'Góc tư vấn đặt tại thư viện, do cô phụ trách công tác tư vấn học đường và hai giáo viên chủ nhiệm trực theo lịch.',
          'Học sinh có thể bỏ thư vào hộp “Lắng nghe em” mà không cần ghi tên; mọi thư đều được trả lời trong vòng một tuần.',
        ],
        audiences: ['students', 'parents'],
        quartersAgo: 6,
      },
      {
        title: 'Học sinh khối 9 tìm hiểu nghề nghiệp không phân biệt giới',
        excerpt: 'Một nữ kỹ sư xây dựng và một nam điều dưỡng kể về công việc của mình với học sinh khối 9.',
        paragraphs: [
          'Buổi hướng nghiệp giúp học sinh khối 9 thấy rằng không có nghề “dành cho con trai” hay “dành cho con gái”.',
          'Sau buổi gặp, nhiều em đặt câu hỏi về những ngành học mà trước đây các em nghĩ mình không thể theo đuổi.',
        ],
        audiences: ['students'],
        quartersAgo: 4,
      },
      {
        title: 'Sân khấu hóa phòng chống bạo lực trên cơ sở giới',
        excerpt: 'Các tiểu phẩm do học sinh dàn dựng giúp các bạn nhận biết và lên tiếng trước hành vi bạo lực.',
        paragraphs: [
          'Mỗi lớp khối 8 dàn dựng một tiểu phẩm về một tình huống thường gặp: trêu chọc ngoại hình, ép buộc trên mạng xã hội, bạo lực trong gia đình.',
          'Sau mỗi tiểu phẩm, khán giả được mời lên sân khấu thay đổi cách ứng xử của nhân vật để tìm ra lời giải an toàn nhất.',
        ],
        audiences: ['students', 'teachers'],
        quartersAgo: 3,
      },
      {
        title: 'Kế hoạch tuyên truyền Tháng hành động vì bình đẳng giới',
        excerpt: 'Bản nháp kế hoạch của Liên đội, chờ Ban giám hiệu duyệt.',
        paragraphs: [
          'Dự kiến các hoạt động: phát thanh măng non, thi tìm hiểu pháp luật về bình đẳng giới, triển lãm ảnh.',
        ],
        audiences: ['students', 'teachers'],
        quartersAgo: 2,
        draft: true,
      },
      {
        title: 'Đội bóng đá nữ của trường ra mắt',
        excerpt: 'Mười lăm nữ sinh khối 7 và khối 8 tập luyện mỗi chiều thứ Sáu trên sân trường.',
        paragraphs: [
          'Ý tưởng thành lập đội bóng đến từ chính các em nữ sinh sau giải bóng đá nam của trường năm ngoái.',
          'Thầy giáo thể dục nhận lời huấn luyện; Ban đại diện cha mẹ học sinh tài trợ giày và áo thi đấu cho cả đội.',
        ],
        audiences: ['students', 'parents'],
        quartersAgo: 1,
      },
    ],
  },
];

/** The quarter `n` quarters before `now`'s. */
export function quarterBefore(now: Date, n: number): Quarter {
  const current = quarterOf(now);
  const index = current.year * 4 + (current.quarter - 1) - n;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** A district item's date: the 20th day of its quarter at 09:00 in Vietnam, far from either boundary. */
export function districtItemDate(now: Date, quartersAgo: number): string {
  const start = quarterStart(quarterBefore(now, quartersAgo));
  return new Date(start.getTime() + 19 * 86_400_000 + 9 * 3_600_000).toISOString();
}

/** The district schools' first reported quarter, `YYYY-Qn`. */
export function districtStartQuarter(now: Date): string {
  return quarterId(quarterBefore(now, REPORTED_QUARTERS));
}
