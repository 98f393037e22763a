import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CreateTermDto, UpdateTermDto } from './dto/term.dto.js';
import { TermResponse } from './dto/congress.responses.js';
import { TermsService } from './terms.service.js';

@ApiTags('congress')
@Controller('terms')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Get()
  @ApiOperation({ summary: '届次列表 · List terms' })
  @ApiOkResponse({ type: [TermResponse] })
  async list(): Promise<TermResponse[]> {
    return (await this.terms.list()).map(TermResponse.of);
  }

  @Get(':id')
  @ApiOperation({ summary: '届次详情 · Get term' })
  @ApiOkResponse({ type: TermResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<TermResponse> {
    return TermResponse.of(await this.terms.get(id));
  }

  @Post()
  @Roles(Role.Staff)
  @ApiOperation({ summary: '新建届次 · Create term' })
  @ApiCreatedResponse({ type: TermResponse })
  async create(@Body() dto: CreateTermDto): Promise<TermResponse> {
    return TermResponse.of(await this.terms.create(dto));
  }

  @Patch(':id')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '修改届次及其设置 · Update term' })
  @ApiOkResponse({ type: TermResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTermDto,
  ): Promise<TermResponse> {
    return TermResponse.of(await this.terms.update(id, dto));
  }
}
